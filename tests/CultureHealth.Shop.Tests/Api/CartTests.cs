using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CultureHealth.Shop.Data;
using CultureHealth.Shop.Domain;
using Microsoft.EntityFrameworkCore;
using CultureHealth.ServiceDefaults.Secrets;

namespace CultureHealth.Shop.Tests.Api;

public sealed class CartTests(ShopServiceFixture shop) : IClassFixture<ShopServiceFixture>
{
    private readonly HttpClient _client = shop.Service.CreateClient();

    [Fact]
    public async Task A_cart_prices_lines_from_the_catalogue_with_the_vat_part_and_shipping()
    {
        var roller = await ShopClient.AddProductAsync(shop.Service, pricePence: 2_499);
        var package = await ShopClient.AddProductAsync(
            shop.Service, ProductKind.TreatmentPackage, pricePence: 17_000, vatClass: VatClass.Exempt, appointmentTypeCode: "sports-massage", sessions: 3);
        var cartId = await ShopClient.NewCartAsync(_client);
        await ShopClient.AddAsync(_client, cartId, roller.Sku, 1);
        await ShopClient.AddAsync(_client, cartId, roller.Sku, 1);
        await ShopClient.AddAsync(_client, cartId, package.Sku, 1);

        var cart = await _client.GetFromJsonAsync<JsonElement>($"/api/shop/carts/{cartId}");

        var lines = cart.GetProperty("lines");
        Assert.Equal(2, lines.GetArrayLength());
        Assert.Equal(2, lines[0].GetProperty("quantity").GetInt32());
        Assert.Equal(4_998, lines[0].GetProperty("lineTotalPence").GetInt64());
        Assert.Equal(833, lines[0].GetProperty("vatPence").GetInt64());
        Assert.Equal(0, lines[1].GetProperty("vatPence").GetInt64());
        Assert.Equal(21_998, cart.GetProperty("subtotalPence").GetInt64());
        // Packages do not count towards free delivery: the roller alone is under £50.
        Assert.Equal(395, cart.GetProperty("shippingPence").GetInt64());
        Assert.Equal(22_393, cart.GetProperty("totalPence").GetInt64());
        Assert.Equal(833 + 66, cart.GetProperty("vatPence").GetInt64());
    }

    [Fact]
    public async Task Quantities_can_be_changed_and_lines_removed()
    {
        var ball = await ShopClient.AddProductAsync(shop.Service, pricePence: 599);
        var cartId = await ShopClient.CartWithAsync(_client, (ball.Sku, 1));

        using var put = await _client.PutAsJsonAsync($"/api/shop/carts/{cartId}/items/{ball.Sku}", new { quantity = 5 });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(2_995, (await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("subtotalPence").GetInt64());

        using var delete = await _client.DeleteAsync(new Uri($"/api/shop/carts/{cartId}/items/{ball.Sku}", UriKind.Relative));
        var emptied = await delete.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, emptied.GetProperty("lines").GetArrayLength());
        Assert.Equal(0, emptied.GetProperty("totalPence").GetInt64());
    }

    [Fact]
    public async Task A_coupon_discounts_the_cart_and_an_expired_one_is_a_problem_naming_code()
    {
        var roller = await ShopClient.AddProductAsync(shop.Service, pricePence: 3_000);
        var suffix = roller.Sku[2..8];
        await using (var db = shop.Service.OpenDb())
        {
            db.Coupons.Add(new CouponRecord { Id = Guid.NewGuid(), Code = "TENOFF" + suffix, Kind = CouponKind.Percentage, PercentageBasisPoints = 1_000, MinimumSpendPence = 2_000, CreatedAt = DateTimeOffset.UtcNow });
            db.Coupons.Add(new CouponRecord { Id = Guid.NewGuid(), Code = "OLD" + suffix, Kind = CouponKind.FixedAmount, FixedAmountPence = 500, ExpiresAt = DateTimeOffset.UtcNow.AddDays(-1), CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        var cartId = await ShopClient.CartWithAsync(_client, (roller.Sku, 1));
        using var expired = await _client.PostAsJsonAsync($"/api/shop/carts/{cartId}/coupon", new { code = "old" + suffix });
        var problem = await ShopClient.ProblemAsync(expired, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("code", ShopClient.ErrorFields(problem));

        using var unknown = await _client.PostAsJsonAsync($"/api/shop/carts/{cartId}/coupon", new { code = "NOSUCHCODE" });
        Assert.Contains("code", ShopClient.ErrorFields(await ShopClient.ProblemAsync(unknown, HttpStatusCode.UnprocessableEntity)));

        using var applied = await _client.PostAsJsonAsync($"/api/shop/carts/{cartId}/coupon", new { code = "tenoff" + suffix });
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        var cart = await applied.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(300, cart.GetProperty("discountPence").GetInt64());
        Assert.Equal(3_000 - 300 + 395, cart.GetProperty("totalPence").GetInt64());

        var (orderId, token, _) = await ShopClient.CheckoutOkAsync(_client, cartId);
        var order = await ShopClient.GetOrderAsync(_client, orderId, token);
        Assert.Equal(300, order.GetProperty("discountPence").GetInt64());
        await using var check = shop.Service.OpenDb();
        Assert.Equal(1, (await check.Coupons.SingleAsync(c => c.Code == "TENOFF" + suffix)).TimesRedeemed);
    }

    [Fact]
    public async Task Unknown_inactive_expired_and_used_up_coupons_get_one_and_the_same_answer()
    {
        var roller = await ShopClient.AddProductAsync(shop.Service, pricePence: 3_000);
        var suffix = roller.Sku[2..8];
        var now = DateTimeOffset.UtcNow;
        await using (var db = shop.Service.OpenDb())
        {
            db.Coupons.Add(new CouponRecord { Id = Guid.NewGuid(), Code = "OFF" + suffix, Kind = CouponKind.FixedAmount, FixedAmountPence = 500, Active = false, CreatedAt = now });
            db.Coupons.Add(new CouponRecord { Id = Guid.NewGuid(), Code = "GONE" + suffix, Kind = CouponKind.FixedAmount, FixedAmountPence = 500, ExpiresAt = now.AddDays(-1), CreatedAt = now });
            db.Coupons.Add(new CouponRecord { Id = Guid.NewGuid(), Code = "USED" + suffix, Kind = CouponKind.FixedAmount, FixedAmountPence = 500, UsageLimit = 1, TimesRedeemed = 1, CreatedAt = now });
            db.Coupons.Add(new CouponRecord { Id = Guid.NewGuid(), Code = "LIVE" + suffix, Kind = CouponKind.FixedAmount, FixedAmountPence = 500, CreatedAt = now });
            await db.SaveChangesAsync();
        }

        var cartId = await ShopClient.CartWithAsync(_client, (roller.Sku, 1));
        var answers = new List<string>();
        foreach (var code in new[] { "NOPE" + suffix, "OFF" + suffix, "GONE" + suffix, "USED" + suffix })
        {
            using var response = await _client.PostAsJsonAsync($"/api/shop/carts/{cartId}/coupon", new { code });
            answers.Add(Shape(await ShopClient.ProblemAsync(response, HttpStatusCode.UnprocessableEntity)));
        }

        // At checkout too: a code that was fine in the cart and has since been switched off reads like a code never issued.
        using (var applied = await _client.PostAsJsonAsync($"/api/shop/carts/{cartId}/coupon", new { code = "LIVE" + suffix }))
        {
            Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        }

        await using (var db = shop.Service.OpenDb())
        {
            await db.Coupons.Where(c => c.Code == "LIVE" + suffix).ExecuteUpdateAsync(u => u.SetProperty(c => c.Active, false));
        }

        using var checkout = await ShopClient.CheckoutAsync(_client, cartId);
        var atCheckout = await ShopClient.ProblemAsync(checkout, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("couponCode", ShopClient.ErrorFields(atCheckout));

        Assert.Single(answers.Distinct());
        Assert.Equal(answers[0].Replace("errors={\"code\"", "errors={\"couponCode\"", StringComparison.Ordinal), Shape(atCheckout));
        Assert.DoesNotContain("expired", answers[0], StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("active", answers[0], StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A problem's fields and values without the ones that differ per request.</summary>
    private static string Shape(JsonElement problem) => string.Join('|', problem.EnumerateObject()
        .Where(p => p.Name is not ("traceId" or "requestId" or "instance"))
        .Select(p => $"{p.Name}={p.Value.GetRawText()}"));

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(21)]
    [InlineData(int.MaxValue)]
    public async Task Out_of_range_quantities_are_problems_naming_quantity(int quantity)
    {
        var product = await ShopClient.AddProductAsync(shop.Service);
        var cartId = await ShopClient.NewCartAsync(_client);

        using var response = await _client.PostAsJsonAsync($"/api/shop/carts/{cartId}/items", new { sku = product.Sku, quantity });

        var problem = await ShopClient.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("quantity", ShopClient.ErrorFields(problem));
        await AssertCartEmptyAsync(cartId);
    }

    [Fact]
    public async Task A_quantity_too_big_for_an_int_is_a_problem_naming_quantity()
    {
        var product = await ShopClient.AddProductAsync(shop.Service);
        var cartId = await ShopClient.NewCartAsync(_client);

        using var response = await PostRawAsync($"/api/shop/carts/{cartId}/items", $"{{\"sku\":\"{product.Sku}\",\"quantity\":99999999999999}}");

        Assert.Contains("quantity", ShopClient.ErrorFields(await ShopClient.ProblemAsync(response, HttpStatusCode.BadRequest)));
        await AssertCartEmptyAsync(cartId);
    }

    [Fact]
    public async Task Malformed_json_is_a_bad_request_problem()
    {
        var cartId = await ShopClient.NewCartAsync(_client);

        using var response = await PostRawAsync($"/api/shop/carts/{cartId}/items", "{\"sku\": \"X\", ");

        await ShopClient.ProblemAsync(response, HttpStatusCode.BadRequest);
        await AssertCartEmptyAsync(cartId);
    }

    [Fact]
    public async Task An_unknown_sku_is_a_problem_naming_sku()
    {
        var cartId = await ShopClient.NewCartAsync(_client);

        using var response = await _client.PostAsJsonAsync($"/api/shop/carts/{cartId}/items", new { sku = "NO-SUCH-THING", quantity = 1 });

        Assert.Contains("sku", ShopClient.ErrorFields(await ShopClient.ProblemAsync(response, HttpStatusCode.UnprocessableEntity)));
    }

    [Fact]
    public async Task Asking_for_more_than_is_in_stock_is_an_out_of_stock_problem()
    {
        var product = await ShopClient.AddProductAsync(shop.Service, stock: 2);
        var cartId = await ShopClient.NewCartAsync(_client);

        using var response = await _client.PostAsJsonAsync($"/api/shop/carts/{cartId}/items", new { sku = product.Sku, quantity = 3 });

        var problem = await ShopClient.ProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Contains($"items[{product.Sku}]", ShopClient.ErrorFields(problem));
    }

    [Fact]
    public async Task An_unknown_cart_is_not_found()
    {
        using var response = await _client.GetAsync(new Uri($"/api/shop/carts/{SecretToken.Generate().Value}", UriKind.Relative));

        await ShopClient.ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Checkout_with_bad_input_names_every_field_and_writes_nothing()
    {
        var product = await ShopClient.AddProductAsync(shop.Service, stock: 3);
        var cartId = await ShopClient.CartWithAsync(_client, (product.Sku, 1));

        using var badEmail = await ShopClient.CheckoutAsync(_client, cartId, email: "not-an-email");
        Assert.Contains("customer.email", ShopClient.ErrorFields(await ShopClient.ProblemAsync(badEmail, HttpStatusCode.BadRequest)));

        using var noKey = await _client.PostAsJsonAsync("/api/shop/checkout", new { cartId, customer = new { name = "Sam", email = "sam@example.com" }, shippingAddress = ShopClient.Address });
        Assert.Contains("Idempotency-Key", ShopClient.ErrorFields(await ShopClient.ProblemAsync(noKey, HttpStatusCode.BadRequest)));

        using var noAddress = await ShopClient.CheckoutAsync(_client, cartId, withAddress: false);
        Assert.Contains("shippingAddress", ShopClient.ErrorFields(await ShopClient.ProblemAsync(noAddress, HttpStatusCode.UnprocessableEntity)));

        using var badVoucher = await ShopClient.CheckoutAsync(_client, cartId, giftVoucherCode: "2222-2222-2222-2222");
        Assert.Contains("giftVoucherCode", ShopClient.ErrorFields(await ShopClient.ProblemAsync(badVoucher, HttpStatusCode.UnprocessableEntity)));

        Assert.Equal(3, await ShopClient.StockOfAsync(shop.Service, product.Id));
        await using var db = shop.Service.OpenDb();
        Assert.False(await db.OrderItems.AnyAsync(i => i.ProductId == product.Id));
        Assert.Null((await db.Carts.SingleAsync(c => c.Id == SecretToken.HashOf(cartId))).OrderId);
    }

    [Fact]
    public async Task A_checked_out_cart_cannot_be_changed_or_checked_out_again()
    {
        var product = await ShopClient.AddProductAsync(shop.Service);
        var cartId = await ShopClient.CartWithAsync(_client, (product.Sku, 1));
        await ShopClient.CheckoutOkAsync(_client, cartId);

        using var again = await ShopClient.CheckoutAsync(_client, cartId);
        using var add = await _client.PostAsJsonAsync($"/api/shop/carts/{cartId}/items", new { sku = product.Sku, quantity = 1 });

        await ShopClient.ProblemAsync(again, HttpStatusCode.Conflict);
        await ShopClient.ProblemAsync(add, HttpStatusCode.Conflict);
    }

    private Task<HttpResponseMessage> PostRawAsync(string path, string json) =>
        _client.PostAsync(new Uri(path, UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));

    private async Task AssertCartEmptyAsync(string cartId)
    {
        await using var db = shop.Service.OpenDb();
        Assert.False(await db.CartItems.AnyAsync(i => i.CartId == SecretToken.HashOf(cartId)));
    }
}
