using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CultureHealth.Contracts;
using CultureHealth.Shop.Domain;
using CultureHealth.Shop.Application.Payments;
using Microsoft.EntityFrameworkCore;
using CultureHealth.ServiceDefaults.Secrets;

namespace CultureHealth.Shop.Tests.Api;

public sealed class CheckoutAndPaymentTests(ShopServiceFixture shop) : IClassFixture<ShopServiceFixture>
{
    private readonly HttpClient _client = shop.Service.CreateClient();

    [Fact]
    public async Task A_retried_checkout_with_the_same_key_returns_the_first_order()
    {
        var product = await ShopClient.AddProductAsync(shop.Service, stock: 5);
        var cartId = await ShopClient.CartWithAsync(_client, (product.Sku, 2));
        var key = Guid.NewGuid().ToString();

        var first = await ShopClient.CheckoutOkAsync(_client, cartId, key);
        var second = await ShopClient.CheckoutOkAsync(_client, cartId, key);

        Assert.Equal(first.OrderId, second.OrderId);
        Assert.Equal(first.Token, second.Token);
        Assert.Equal(3, await ShopClient.StockOfAsync(shop.Service, product.Id));
        await using var db = shop.Service.OpenDb();
        Assert.Equal(1, await db.OrderItems.CountAsync(i => i.ProductId == product.Id));
    }

    [Fact]
    public async Task The_same_key_for_a_different_request_is_refused()
    {
        var product = await ShopClient.AddProductAsync(shop.Service);
        var key = Guid.NewGuid().ToString();
        await ShopClient.CheckoutOkAsync(_client, await ShopClient.CartWithAsync(_client, (product.Sku, 1)), key);

        using var response = await ShopClient.CheckoutAsync(_client, await ShopClient.CartWithAsync(_client, (product.Sku, 1)), key);

        var problem = await ShopClient.ProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("Idempotency-Key", ShopClient.ErrorFields(problem));
    }

    [Fact]
    public async Task Order_snapshots_prices_and_totals_with_vat_and_shipping()
    {
        var product = await ShopClient.AddProductAsync(shop.Service, pricePence: 1_200);
        var cartId = await ShopClient.CartWithAsync(_client, (product.Sku, 2));
        var (orderId, token, _) = await ShopClient.CheckoutOkAsync(_client, cartId);

        await using (var db = shop.Service.OpenDb())
        {
            var stored = await db.Products.SingleAsync(p => p.Id == product.Id);
            stored.PricePence = 9_999;
            await db.SaveChangesAsync();
        }

        var order = await ShopClient.GetOrderAsync(_client, orderId, token);
        Assert.Equal(1_200, order.GetProperty("lines")[0].GetProperty("unitPricePence").GetInt64());
        Assert.Equal(2_400, order.GetProperty("subtotalPence").GetInt64());
        Assert.Equal(395, order.GetProperty("shippingPence").GetInt64());
        Assert.Equal(2_795, order.GetProperty("totalPence").GetInt64());
        // 2400/6 = 400 on the goods plus 395/6 = 65.83 → 66 on delivery, each rounded half-up.
        Assert.Equal(466, order.GetProperty("vatPence").GetInt64());
        Assert.Equal("pendingPayment", order.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Selling_the_last_unit_evicts_the_cached_product_page()
    {
        var product = await ShopClient.AddProductAsync(shop.Service, stock: 1);
        var page = new Uri($"/api/shop/products/{product.Slug}", UriKind.Relative);
        Assert.True((await _client.GetFromJsonAsync<JsonElement>(page)).GetProperty("inStock").GetBoolean());

        await ShopClient.CheckoutOkAsync(_client, await ShopClient.CartWithAsync(_client, (product.Sku, 1)));

        Assert.False((await _client.GetFromJsonAsync<JsonElement>(page)).GetProperty("inStock").GetBoolean());
    }

    [Fact]
    public async Task A_wrong_or_missing_order_token_reads_as_not_found()
    {
        var product = await ShopClient.AddProductAsync(shop.Service);
        var (orderId, _, _) = await ShopClient.CheckoutOkAsync(_client, await ShopClient.CartWithAsync(_client, (product.Sku, 1)));

        using var wrong = await _client.GetAsync(new Uri($"/api/shop/orders/{orderId}?token={SecretToken.Generate().Value}", UriKind.Relative));
        using var missing = await _client.GetAsync(new Uri($"/api/shop/orders/{orderId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Paying_needs_the_orders_token_and_a_wrong_token_answers_exactly_like_a_missing_order()
    {
        var provider = shop.Service.GetRequiredService<TestPaymentProvider>();
        var product = await ShopClient.AddProductAsync(shop.Service, pricePence: 2_000);
        var (orderId, token, body) = await ShopClient.CheckoutOkAsync(_client, await ShopClient.CartWithAsync(_client, (product.Sku, 1)));
        var number = body.GetProperty("orderNumber").GetString()!;
        var chargesBefore = provider.ChargeCount;

        using var noToken = await ShopClient.PayAsync(_client, orderId, orderToken: null, "tok_declined");
        Assert.Contains("orderToken", ShopClient.ErrorFields(await ShopClient.ProblemAsync(noToken, HttpStatusCode.BadRequest)));

        var stranger = SecretToken.Generate().Value;
        using var declinedByStranger = await ShopClient.PayAsync(_client, orderId, stranger, "tok_declined");
        using var wrongAmountByStranger = await ShopClient.PayAsync(_client, orderId, stranger, "tok_visa", amountPence: 1);
        using var shortToken = await ShopClient.PayAsync(_client, orderId, "abc", "tok_declined");
        using var unknownOrder = await ShopClient.PayAsync(_client, Guid.NewGuid(), token, "tok_declined");

        var answers = new List<JsonElement>();
        foreach (var response in new[] { declinedByStranger, wrongAmountByStranger, shortToken, unknownOrder })
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain(number, text, StringComparison.Ordinal);
            Assert.DoesNotContain("2395", text, StringComparison.Ordinal);
            answers.Add(await ShopClient.ProblemAsync(response, HttpStatusCode.NotFound));
        }

        // One shape for all: the same fields with the same values, apart from the ids of the request itself.
        static string Shape(JsonElement problem) => string.Join('|', problem.EnumerateObject()
            .Where(p => p.Name is not ("traceId" or "requestId" or "instance"))
            .Select(p => $"{p.Name}={p.Value}"));
        Assert.Single(answers.Select(Shape).Distinct());

        Assert.Equal(0, provider.ChargeCount - chargesBefore);
        Assert.Equal("pendingPayment", (await ShopClient.GetOrderAsync(_client, orderId, token)).GetProperty("status").GetString());
        await using var db = shop.Service.OpenDb();
        Assert.False(await db.Payments.AnyAsync(p => p.OrderId == orderId));
    }

    [Fact]
    public async Task A_retried_payment_with_the_same_key_charges_once_and_returns_the_first_result()
    {
        var provider = shop.Service.GetRequiredService<TestPaymentProvider>();
        var product = await ShopClient.AddProductAsync(shop.Service);
        var (orderId, token, _) = await ShopClient.CheckoutOkAsync(_client, await ShopClient.CartWithAsync(_client, (product.Sku, 1)));
        var key = Guid.NewGuid().ToString();
        var chargesBefore = provider.ChargeCount;

        using var first = await ShopClient.PayAsync(_client, orderId, token, "tok_visa", key);
        using var second = await ShopClient.PayAsync(_client, orderId, token, "tok_visa", key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var firstBody = await first.Content.ReadFromJsonAsync<JsonElement>();
        var secondBody = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(firstBody.GetProperty("paymentId").GetGuid(), secondBody.GetProperty("paymentId").GetGuid());
        Assert.Equal(1, provider.ChargeCount - chargesBefore);
        await using var db = shop.Service.OpenDb();
        Assert.Equal(1, await db.Payments.CountAsync(p => p.OrderId == orderId));
        Assert.Equal("paid", (await ShopClient.GetOrderAsync(_client, orderId, token)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_declined_card_leaves_the_order_payment_failed_and_a_new_attempt_can_pay_it()
    {
        var product = await ShopClient.AddProductAsync(shop.Service);
        var (orderId, token, _) = await ShopClient.CheckoutOkAsync(_client, await ShopClient.CartWithAsync(_client, (product.Sku, 1)));

        using var declined = await ShopClient.PayAsync(_client, orderId, token, "tok_declined");
        var problem = await ShopClient.ProblemAsync(declined, HttpStatusCode.PaymentRequired);
        Assert.Equal("card_declined", problem.GetProperty("failureReason").GetString());
        Assert.Equal("paymentFailed", (await ShopClient.GetOrderAsync(_client, orderId, token)).GetProperty("status").GetString());

        using var retry = await ShopClient.PayAsync(_client, orderId, token, "tok_visa");
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal("paid", (await ShopClient.GetOrderAsync(_client, orderId, token)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_tampered_amount_is_refused_and_nothing_is_charged()
    {
        var product = await ShopClient.AddProductAsync(shop.Service, pricePence: 2_000);
        var (orderId, token, body) = await ShopClient.CheckoutOkAsync(_client, await ShopClient.CartWithAsync(_client, (product.Sku, 1)));
        Assert.Equal(2_395, body.GetProperty("order").GetProperty("amountDuePence").GetInt64());

        using var response = await ShopClient.PayAsync(_client, orderId, token, "tok_visa", amountPence: 1);

        var problem = await ShopClient.ProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("amountPence", ShopClient.ErrorFields(problem));
        await using var db = shop.Service.OpenDb();
        Assert.False(await db.Payments.AnyAsync(p => p.OrderId == orderId));
    }

    [Fact]
    public async Task A_paid_treatment_package_completes_at_once_and_OrderPaid_carries_the_package()
    {
        var package = await ShopClient.AddProductAsync(
            shop.Service, ProductKind.TreatmentPackage, pricePence: 27_500, vatClass: VatClass.Exempt, appointmentTypeCode: "follow-up", sessions: 5);
        var cartId = await ShopClient.CartWithAsync(_client, (package.Sku, 2));
        using var checkout = await ShopClient.CheckoutAsync(_client, cartId, withAddress: false);
        Assert.Equal(HttpStatusCode.Created, checkout.StatusCode);
        var placed = await checkout.Content.ReadFromJsonAsync<JsonElement>();
        var orderId = placed.GetProperty("orderId").GetGuid();
        var token = placed.GetProperty("accessToken").GetString()!;

        using var paid = await ShopClient.PayAsync(_client, orderId, token, "tok_visa");
        Assert.Equal(HttpStatusCode.Created, paid.StatusCode);

        var order = await ShopClient.GetOrderAsync(_client, orderId, token);
        Assert.Equal("completed", order.GetProperty("status").GetString());
        Assert.Equal(0, order.GetProperty("shippingPence").GetInt64());

        var evt = (await shop.Service.OutboxEventsAsync<OrderPaid>()).Single(e => e.OrderId == orderId);
        var line = Assert.Single(evt.Lines);
        Assert.Equal("TreatmentPackage", line.Kind);
        Assert.Equal("follow-up", line.AppointmentTypeCode);
        Assert.Equal(5, line.SessionsPerUnit);
        Assert.Equal(2, line.Quantity);
        Assert.Equal("sam@example.com", evt.CustomerEmail);
    }

    [Fact]
    public async Task A_paid_gift_voucher_issues_a_code_that_pays_for_a_later_order()
    {
        var voucherProduct = await ShopClient.AddProductAsync(shop.Service, ProductKind.GiftVoucher, pricePence: 5_000, vatClass: VatClass.Exempt);
        using var voucherCheckout = await ShopClient.CheckoutAsync(_client, await ShopClient.CartWithAsync(_client, (voucherProduct.Sku, 1)), withAddress: false);
        var voucherOrder = await voucherCheckout.Content.ReadFromJsonAsync<JsonElement>();
        var voucherOrderId = voucherOrder.GetProperty("orderId").GetGuid();
        (await ShopClient.PayAsync(_client, voucherOrderId, voucherOrder.GetProperty("accessToken").GetString(), "tok_visa")).Dispose();
        var paidVoucherOrder = await ShopClient.GetOrderAsync(_client, voucherOrderId, voucherOrder.GetProperty("accessToken").GetString()!);
        var code = Assert.Single(await ShopClient.IssuedVoucherCodesAsync(shop.Service, voucherOrderId));
        Assert.Equal(5_000, paidVoucherOrder.GetProperty("giftVouchers")[0].GetProperty("balancePence").GetInt64());

        var roller = await ShopClient.AddProductAsync(shop.Service, pricePence: 2_000);
        var (orderId, token, _) = await ShopClient.CheckoutOkAsync(
            _client, await ShopClient.CartWithAsync(_client, (roller.Sku, 1)), giftVoucherCode: code.ToLowerInvariant().Replace("-", "", StringComparison.Ordinal));

        var order = await ShopClient.GetOrderAsync(_client, orderId, token);
        Assert.Equal(2_395, order.GetProperty("voucherAppliedPence").GetInt64());
        Assert.Equal(0, order.GetProperty("amountDuePence").GetInt64());
        Assert.Equal("paid", order.GetProperty("status").GetString());
        await using var db = shop.Service.OpenDb();
        Assert.Equal(5_000 - 2_395, (await db.GiftVouchers.SingleAsync(v => v.IssuedForOrderId == voucherOrderId)).BalancePence);
    }

    [Fact]
    public async Task Paying_for_gift_vouchers_publishes_their_codes_once_for_the_buyers_email()
    {
        var voucherProduct = await ShopClient.AddProductAsync(shop.Service, ProductKind.GiftVoucher, pricePence: 2_500, vatClass: VatClass.Exempt);
        using var checkout = await ShopClient.CheckoutAsync(_client, await ShopClient.CartWithAsync(_client, (voucherProduct.Sku, 2)), withAddress: false);
        var placed = await checkout.Content.ReadFromJsonAsync<JsonElement>();
        var orderId = placed.GetProperty("orderId").GetGuid();
        var token = placed.GetProperty("accessToken").GetString()!;
        (await ShopClient.PayAsync(_client, orderId, token, "tok_visa")).Dispose();
        var paid = await ShopClient.GetOrderAsync(_client, orderId, token);
        var maskedOnTheOrder = paid.GetProperty("giftVouchers").EnumerateArray().Select(v => v.GetProperty("maskedCode").GetString()!).Order().ToList();

        var evt = Assert.Single(await shop.Service.OutboxEventsAsync<GiftVouchersIssued>(), e => e.OrderId == orderId);
        var codes = await ShopClient.IssuedVoucherCodesAsync(shop.Service, orderId);
        Assert.Equal(2, maskedOnTheOrder.Count);
        Assert.Equal(maskedOnTheOrder, codes.Select(c => GiftVoucherCode.Parse(c).Masked).Order().ToList());
        Assert.All(evt.Vouchers, v => Assert.Equal(2_500, v.ValuePence));
        Assert.Equal(paid.GetProperty("number").GetString(), evt.OrderNumber);
        Assert.Equal(paid.GetProperty("customerEmail").GetString(), evt.CustomerEmail);
    }

    [Fact]
    public async Task An_order_without_gift_vouchers_publishes_no_codes()
    {
        var roller = await ShopClient.AddProductAsync(shop.Service, pricePence: 2_000);
        var (orderId, token, _) = await ShopClient.CheckoutOkAsync(_client, await ShopClient.CartWithAsync(_client, (roller.Sku, 1)));
        (await ShopClient.PayAsync(_client, orderId, token, "tok_visa")).Dispose();

        Assert.Contains(await shop.Service.OutboxEventsAsync<OrderPaid>(), e => e.OrderId == orderId);
        Assert.DoesNotContain(await shop.Service.OutboxEventsAsync<GiftVouchersIssued>(), e => e.OrderId == orderId);
    }

    [Fact]
    public async Task A_signed_webhook_settles_a_pending_charge_and_a_bad_signature_changes_nothing()
    {
        var product = await ShopClient.AddProductAsync(shop.Service);
        var (orderId, token, _) = await ShopClient.CheckoutOkAsync(_client, await ShopClient.CartWithAsync(_client, (product.Sku, 1)));
        using var pending = await ShopClient.PayAsync(_client, orderId, token, "tok_pending");
        Assert.Equal(HttpStatusCode.Accepted, pending.StatusCode);
        await using var db = shop.Service.OpenDb();
        var payment = await db.Payments.AsNoTracking().SingleAsync(p => p.OrderId == orderId);
        var body = JsonSerializer.Serialize(new
        {
            id = "evt_1", type = "charge.succeeded", data = new { chargeId = payment.ProviderChargeId, amountPence = payment.AmountPence, currency = "GBP" },
        });

        using var forged = await PostWebhookAsync(body, PaymentWebhookSignature.Sign("not-the-secret-not-the-secret-123", DateTimeOffset.UtcNow, body));
        var problem = await ShopClient.ProblemAsync(forged, HttpStatusCode.Unauthorized);
        Assert.Contains("Payment-Signature", ShopClient.ErrorFields(problem));
        using var unsigned = await PostWebhookAsync(body, signature: null);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal("pendingPayment", (await ShopClient.GetOrderAsync(_client, orderId, token)).GetProperty("status").GetString());

        var tampered = body.Replace($"{payment.AmountPence}", "1", StringComparison.Ordinal);
        using var tamperedAmount = await PostWebhookAsync(tampered, PaymentWebhookSignature.Sign(ShopServiceFixture.WebhookSecret, DateTimeOffset.UtcNow, tampered));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tamperedAmount.StatusCode);

        using var genuine = await PostWebhookAsync(body, PaymentWebhookSignature.Sign(ShopServiceFixture.WebhookSecret, DateTimeOffset.UtcNow, body));
        Assert.Equal(HttpStatusCode.NoContent, genuine.StatusCode);
        using var redelivered = await PostWebhookAsync(body, PaymentWebhookSignature.Sign(ShopServiceFixture.WebhookSecret, DateTimeOffset.UtcNow, body));
        Assert.Equal(HttpStatusCode.NoContent, redelivered.StatusCode);

        Assert.Equal("paid", (await ShopClient.GetOrderAsync(_client, orderId, token)).GetProperty("status").GetString());
        Assert.Single(await shop.Service.OutboxEventsAsync<OrderPaid>(), e => e.OrderId == orderId);
    }

    private Task<HttpResponseMessage> PostWebhookAsync(string body, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/shop/payments/webhook")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (signature is not null)
        {
            request.Headers.Add("Payment-Signature", signature);
        }

        return _client.SendAsync(request);
    }
}
