using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CultureHealth.Contracts;
using CultureHealth.Messaging.Outbox;
using CultureHealth.ServiceDefaults.Auth;
using CultureHealth.Shop.Domain;
using CultureHealth.Shop.Application.Payments;
using CultureHealth.Testing;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Shop.Tests.Api;

/// <summary>Gift voucher codes are cash: kept only as a hash, sealed in events, and voided when their purchase is refunded.</summary>
public sealed class GiftVoucherSecurityTests(ShopServiceFixture shop) : IClassFixture<ShopServiceFixture>
{
    private readonly HttpClient _client = shop.Service.CreateClient();
    private readonly HttpClient _manager = shop.Service.CreateClient(TestStaff.TokenFor(StaffRoles.ShopManager));

    [Fact]
    public async Task A_voucher_code_is_stored_as_a_hash_and_its_last_four_shown_masked_sealed_in_its_event_and_still_redeems()
    {
        var (orderId, token) = await BuyVouchersAsync(pricePence: 5_000, count: 1);
        var code = Assert.Single(await ShopClient.IssuedVoucherCodesAsync(shop.Service, orderId));
        var bare = code.Replace("-", "", StringComparison.Ordinal);
        var lastFour = code[^4..];

        await using (var db = shop.Service.OpenDb())
        {
            var outbox = (await db.Set<OutboxMessage>().AsNoTracking().Select(m => m.Payload).ToListAsync())
                .Where(p => p.Contains(orderId.ToString(), StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(outbox);
            Assert.All(outbox, payload => Assert.DoesNotContain(code, payload, StringComparison.Ordinal));
            Assert.All(outbox, payload => Assert.DoesNotContain(bare, payload, StringComparison.Ordinal));

            var rows = await db.Database.SqlQuery<string>($"SELECT row_to_json(v)::text AS \"Value\" FROM gift_vouchers v WHERE issued_for_order_id = {orderId}").ToListAsync();
            var row = Assert.Single(rows);
            Assert.DoesNotContain(code, row, StringComparison.Ordinal);
            Assert.DoesNotContain(bare, row, StringComparison.Ordinal);
            Assert.Contains(lastFour, row, StringComparison.Ordinal);
        }

        var customerView = await ShopClient.GetOrderAsync(_client, orderId, token);
        var staffView = await _manager.GetFromJsonAsync<JsonElement>($"/manage/shop/orders/{orderId}");
        foreach (var view in new[] { customerView.GetRawText(), staffView.GetRawText() })
        {
            Assert.DoesNotContain(code, view, StringComparison.Ordinal);
            Assert.Contains($"XXXX-XXXX-XXXX-{lastFour}", view, StringComparison.Ordinal);
        }

        var roller = await ShopClient.AddProductAsync(shop.Service, pricePence: 2_000);
        var (paidId, paidToken, _) = await ShopClient.CheckoutOkAsync(_client, await ShopClient.CartWithAsync(_client, (roller.Sku, 1)), giftVoucherCode: bare.ToLowerInvariant());
        var paidOrder = await ShopClient.GetOrderAsync(_client, paidId, paidToken);
        Assert.Equal(2_395, paidOrder.GetProperty("voucherAppliedPence").GetInt64());
        Assert.Equal(5_000 - 2_395, (await ShopClient.GetOrderAsync(_client, orderId, token)).GetProperty("giftVouchers")[0].GetProperty("balancePence").GetInt64());
    }

    [Fact]
    public async Task Refunding_a_voucher_purchase_in_full_voids_the_unspent_balance_so_the_code_no_longer_pays()
    {
        var (orderId, _) = await BuyVouchersAsync(pricePence: 2_500, count: 1);
        var code = Assert.Single(await ShopClient.IssuedVoucherCodesAsync(shop.Service, orderId));

        using (var refund = await _manager.PostAsJsonAsync($"/manage/shop/orders/{orderId}/refunds", new { reason = "Changed their mind" }))
        {
            Assert.True(refund.StatusCode == HttpStatusCode.OK, await refund.Content.ReadAsStringAsync());
        }

        var roller = await ShopClient.AddProductAsync(shop.Service, pricePence: 2_000);
        using var spend = await ShopClient.CheckoutAsync(_client, await ShopClient.CartWithAsync(_client, (roller.Sku, 1)), giftVoucherCode: code);
        Assert.Contains("giftVoucherCode", ShopClient.ErrorFields(await ShopClient.ProblemAsync(spend, HttpStatusCode.UnprocessableEntity)));

        await using var db = shop.Service.OpenDb();
        var voucher = await db.GiftVouchers.AsNoTracking().SingleAsync(v => v.IssuedForOrderId == orderId);
        Assert.Equal((0L, 2_500L), (voucher.BalancePence, voucher.VoidedPence));
        Assert.NotNull(voucher.VoidedAt);
    }

    [Fact]
    public async Task A_spent_part_of_a_voucher_is_refunded_only_with_an_override_and_its_reason_and_a_mixed_order_refunds_its_goods_freely()
    {
        var provider = shop.Service.GetRequiredService<TestPaymentProvider>();
        var roller = await ShopClient.AddProductAsync(shop.Service, pricePence: 2_000);
        var (orderId, _) = await BuyVouchersAsync(pricePence: 5_000, count: 1, alsoSku: roller.Sku);
        var code = Assert.Single(await ShopClient.IssuedVoucherCodesAsync(shop.Service, orderId));
        // £23.95 of the £50 is spent on another order.
        await ShopClient.CheckoutOkAsync(_client, await ShopClient.CartWithAsync(_client, (roller.Sku, 1)), giftVoucherCode: code);

        // The roller and its delivery (£23.95) go back without touching the voucher.
        using (var goods = await _manager.PostAsJsonAsync($"/manage/shop/orders/{orderId}/refunds", new { amountPence = 2_395, reason = "Roller returned" }))
        {
            Assert.True(goods.StatusCode == HttpStatusCode.OK, await goods.Content.ReadAsStringAsync());
        }

        Assert.Equal((2_605L, 0L), await VoucherAsync(orderId));

        var refundsBefore = provider.RefundCount;
        using (var everything = await _manager.PostAsJsonAsync($"/manage/shop/orders/{orderId}/refunds", new { reason = "Wants it all back" }))
        {
            var problem = await ShopClient.ProblemAsync(everything, HttpStatusCode.Conflict);
            Assert.Contains("overrideSpentVouchers", ShopClient.ErrorFields(problem));
        }

        Assert.Equal(refundsBefore, provider.RefundCount);
        Assert.Equal((2_605L, 0L), await VoucherAsync(orderId));

        // The unspent part can go back: the refund voids exactly that.
        using (var unspent = await _manager.PostAsJsonAsync($"/manage/shop/orders/{orderId}/refunds", new { amountPence = 2_605, reason = "Unused voucher" }))
        {
            Assert.True(unspent.StatusCode == HttpStatusCode.OK, await unspent.Content.ReadAsStringAsync());
        }

        Assert.Equal((0L, 2_605L), await VoucherAsync(orderId));

        using (var noReason = await _manager.PostAsJsonAsync($"/manage/shop/orders/{orderId}/refunds", new { reason = "Goodwill", overrideSpentVouchers = true }))
        {
            Assert.Contains("overrideReason", ShopClient.ErrorFields(await ShopClient.ProblemAsync(noReason, HttpStatusCode.BadRequest)));
        }

        using (var overridden = await _manager.PostAsJsonAsync($"/manage/shop/orders/{orderId}/refunds",
            new { reason = "Goodwill", overrideSpentVouchers = true, overrideReason = "Voucher was used by a thief; police ref 123" }))
        {
            Assert.True(overridden.StatusCode == HttpStatusCode.OK, await overridden.Content.ReadAsStringAsync());
            var view = await overridden.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("refunded", view.GetProperty("order").GetProperty("status").GetString());
            var last = view.GetProperty("refunds").EnumerateArray().Last();
            Assert.Equal(2_395, last.GetProperty("spentVoucherPence").GetInt64());
            Assert.Equal("Voucher was used by a thief; police ref 123", last.GetProperty("overrideReason").GetString());
        }
    }

    private async Task<(long Balance, long Voided)> VoucherAsync(Guid orderId)
    {
        await using var db = shop.Service.OpenDb();
        var voucher = await db.GiftVouchers.AsNoTracking().SingleAsync(v => v.IssuedForOrderId == orderId);
        return (voucher.BalancePence, voucher.VoidedPence);
    }

    [Fact]
    public async Task Staff_list_vouchers_by_their_last_four_with_balance_and_status_never_the_code()
    {
        var (orderId, _) = await BuyVouchersAsync(pricePence: 3_000, count: 1);
        var code = Assert.Single(await ShopClient.IssuedVoucherCodesAsync(shop.Service, orderId));

        using var list = await _manager.GetAsync("/manage/shop/gift-vouchers?pageSize=100");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var body = await list.Content.ReadAsStringAsync();
        Assert.DoesNotContain(code, body, StringComparison.Ordinal);
        Assert.DoesNotContain(code.Replace("-", "", StringComparison.Ordinal), body, StringComparison.Ordinal);
        var items = JsonDocument.Parse(body).RootElement.GetProperty("items").EnumerateArray();
        var voucher = Assert.Single(items, v => v.GetProperty("issuedForOrderId").GetGuid() == orderId);
        Assert.Equal($"XXXX-XXXX-XXXX-{code[^4..]}", voucher.GetProperty("maskedCode").GetString());
        Assert.Equal(3_000, voucher.GetProperty("balancePence").GetInt64());
        Assert.Equal("active", voucher.GetProperty("status").GetString());

        using var customer = shop.Service.CreateClient(TestStaff.TokenFor(StaffRoles.Editor));
        using var refused = await customer.GetAsync("/manage/shop/gift-vouchers");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    private async Task<(Guid OrderId, string Token)> BuyVouchersAsync(long pricePence, int count, string? alsoSku = null)
    {
        var voucher = await ShopClient.AddProductAsync(shop.Service, ProductKind.GiftVoucher, pricePence: pricePence, vatClass: VatClass.Exempt);
        var lines = alsoSku is null ? new[] { (voucher.Sku, count) } : [(voucher.Sku, count), (alsoSku, 1)];
        var cartId = await ShopClient.CartWithAsync(_client, lines);
        using var checkout = await ShopClient.CheckoutAsync(_client, cartId, withAddress: alsoSku is not null);
        Assert.Equal(HttpStatusCode.Created, checkout.StatusCode);
        var placed = await checkout.Content.ReadFromJsonAsync<JsonElement>();
        var orderId = placed.GetProperty("orderId").GetGuid();
        var token = placed.GetProperty("accessToken").GetString()!;
        using var paid = await ShopClient.PayAsync(_client, orderId, token, "tok_visa");
        Assert.Equal(HttpStatusCode.Created, paid.StatusCode);
        Assert.Contains(await shop.Service.OutboxEventsAsync<GiftVouchersIssued>(), e => e.OrderId == orderId);
        return (orderId, token);
    }
}
