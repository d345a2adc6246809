using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CultureHealth.Contracts;
using CultureHealth.ServiceDefaults.Secrets;
using CultureHealth.Shop.Data;
using CultureHealth.Shop.Domain;
using CultureHealth.Testing;

namespace CultureHealth.Shop.Tests.Api;

/// <summary>The storefront's calls, and catalogue data arranged straight in the database.</summary>
internal static class ShopClient
{
    public static readonly object Address = new { line1 = "1 Harley Street", city = "London", postcode = "W1G 9QD", country = "GB" };

    public static async Task<Product> AddProductAsync(
        TestService<ShopDbContext> service, ProductKind kind = ProductKind.Physical, long pricePence = 2_499, int? stock = 50,
        VatClass vatClass = VatClass.Standard, int lowStockThreshold = 0, string? appointmentTypeCode = null, int? sessions = null)
    {
        var id = Guid.NewGuid();
        var sku = "T-" + id.ToString("N")[..10].ToUpperInvariant();
        var product = new Product
        {
            Id = id, Sku = sku, Slug = sku.ToLowerInvariant(), Name = "Test product " + sku, Description = "For tests", Category = "test",
            PricePence = pricePence, VatClass = vatClass, Kind = kind, Stock = kind == ProductKind.Physical ? stock : null,
            LowStockThreshold = lowStockThreshold, AppointmentTypeCode = appointmentTypeCode, SessionsPerUnit = sessions,
            Active = true, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
        };
        await using var db = service.OpenDb();
        db.Products.Add(product);
        await db.SaveChangesAsync();
        return product;
    }

    public static async Task<string> NewCartAsync(HttpClient client)
    {
        using var response = await client.PostAsync(new Uri("/api/shop/carts", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("cartId").GetString()!;
    }

    public static async Task<JsonElement> AddAsync(HttpClient client, string cartId, string sku, int quantity = 1)
    {
        using var response = await client.PostAsJsonAsync($"/api/shop/carts/{cartId}/items", new { sku, quantity });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<string> CartWithAsync(HttpClient client, params (string Sku, int Quantity)[] lines)
    {
        var cartId = await NewCartAsync(client);
        foreach (var (sku, quantity) in lines)
        {
            await AddAsync(client, cartId, sku, quantity);
        }

        return cartId;
    }

    public static Task<HttpResponseMessage> CheckoutAsync(
        HttpClient client, string cartId, string? idempotencyKey = null, string email = "sam@example.com", string? giftVoucherCode = null,
        bool withAddress = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/shop/checkout")
        {
            Content = JsonContent.Create(new
            {
                cartId,
                customer = new { name = "Sam Patel", email },
                shippingAddress = withAddress ? Address : null,
                giftVoucherCode,
            }),
        };
        request.Headers.Add("Idempotency-Key", idempotencyKey ?? Guid.NewGuid().ToString());
        return client.SendAsync(request);
    }

    public static async Task<(Guid OrderId, string Token, JsonElement Body)> CheckoutOkAsync(
        HttpClient client, string cartId, string? idempotencyKey = null, string? giftVoucherCode = null)
    {
        using var response = await CheckoutAsync(client, cartId, idempotencyKey, giftVoucherCode: giftVoucherCode);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("orderId").GetGuid(), body.GetProperty("accessToken").GetString()!, body);
    }

    /// <param name="orderToken">The order's access token from checkout; null sends none.</param>
    public static Task<HttpResponseMessage> PayAsync(
        HttpClient client, Guid orderId, string? orderToken, string paymentToken, string? idempotencyKey = null, long? amountPence = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/shop/orders/{orderId}/payments")
        {
            Content = JsonContent.Create(new { paymentToken, orderToken, amountPence }),
        };
        request.Headers.Add("Idempotency-Key", idempotencyKey ?? Guid.NewGuid().ToString());
        return client.SendAsync(request);
    }

    public static async Task<JsonElement> GetOrderAsync(HttpClient client, Guid orderId, string token)
    {
        using var response = await client.GetAsync(new Uri($"/api/shop/orders/{orderId}?token={Uri.EscapeDataString(token)}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>
    /// The clear codes of the vouchers an order issued, as notifications reads them: opened from the sealed
    /// GiftVouchersIssued event (the email is the buyer's only copy).
    /// </summary>
    public static async Task<IReadOnlyList<string>> IssuedVoucherCodesAsync(TestService<ShopDbContext> service, Guid orderId)
    {
        var secrets = service.GetRequiredService<EventSecrets>();
        var issued = Assert.Single(await service.OutboxEventsAsync<GiftVouchersIssued>(), e => e.OrderId == orderId);
        return issued.Vouchers.Select(v => secrets.Open(v.Code) ?? throw new InvalidOperationException("A voucher code was not sealed.")).ToList();
    }

    public static async Task<int?> StockOfAsync(TestService<ShopDbContext> service, Guid productId)
    {
        await using var db = service.OpenDb();
        return (await db.Products.FindAsync(productId))!.Stock;
    }

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {expected}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The field names a validation problem reports.</summary>
    public static IReadOnlyList<string> ErrorFields(JsonElement problem) =>
        problem.TryGetProperty("errors", out var errors) ? errors.EnumerateObject().Select(e => e.Name).ToList() : [];
}
