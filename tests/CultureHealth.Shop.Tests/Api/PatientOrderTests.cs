using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CultureHealth.Shop.Application.Orders;
using CultureHealth.Testing;

namespace CultureHealth.Shop.Tests.Api;

/// <summary>Issue 17, "My account": a patient's orders by the address their token proves, guest orders included.</summary>
public sealed class PatientOrderTests(ShopServiceFixture shop) : IClassFixture<ShopServiceFixture>
{
    [Fact]
    public async Task A_patients_orders_are_looked_up_through_the_normalised_email_index()
    {
        await using var db = shop.Service.OpenDb();

        await QueryPlans.AssertUsesIndexAsync(db, PatientOrders.PlacedWith(db, "pat@example.com"), "ix_orders_customer_email_lookup");
    }

    [Fact]
    public async Task My_orders_lists_the_guest_orders_of_the_tokens_address_with_status_and_lines_and_nobody_elses()
    {
        using var guest = shop.Service.CreateClient();
        var roller = await ShopClient.AddProductAsync(shop.Service, pricePence: 2_000);
        var band = await ShopClient.AddProductAsync(shop.Service, pricePence: 1_250);
        var email = $"Orders-{Guid.NewGuid():N}@Example.com";
        var stranger = $"stranger-{Guid.NewGuid():N}@example.com";

        // Two guest orders with the address spelled in capitals, one of them paid; and another customer's order.
        using var first = await ShopClient.CheckoutAsync(guest, await ShopClient.CartWithAsync(guest, (roller.Sku, 2)), email: email.ToUpperInvariant());
        var paid = await OrderOf(first);
        using (var pay = await ShopClient.PayAsync(guest, paid.Id, paid.Token, "tok_visa"))
        {
            Assert.Equal(HttpStatusCode.Created, pay.StatusCode);
        }
        using var second = await ShopClient.CheckoutAsync(guest, await ShopClient.CartWithAsync(guest, (band.Sku, 1)), email: email);
        var unpaid = await OrderOf(second);
        using var theirs = await ShopClient.CheckoutAsync(guest, await ShopClient.CartWithAsync(guest, (band.Sku, 1)), email: stranger);
        var strangers = await OrderOf(theirs);

        using var mine = shop.Service.CreateClient(TestPatients.TokenFor(email));
        using var response = await mine.GetAsync(new Uri("/api/shop/me/orders", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        var list = await response.Content.ReadFromJsonAsync<JsonElement>();
        var orders = list.GetProperty("orders").EnumerateArray().ToList();

        Assert.Equal(email.ToLowerInvariant(), list.GetProperty("email").GetString());
        Assert.Equal([unpaid.Id, paid.Id], orders.Select(o => o.GetProperty("id").GetGuid()));
        Assert.Equal(["pendingPayment", "paid"], orders.Select(o => o.GetProperty("status").GetString()));
        var paidLine = Assert.Single(orders[1].GetProperty("lines").EnumerateArray());
        Assert.Equal((roller.Name, 2, 4_000L), (paidLine.GetProperty("name").GetString(), paidLine.GetProperty("quantity").GetInt32(), paidLine.GetProperty("lineTotalPence").GetInt64()));
        Assert.Equal(orders[1].GetProperty("totalPence").GetInt64(), orders[1].GetProperty("amountPaidPence").GetInt64());

        // One order in full for its owner; another address's order is a 404 like a missing one.
        using var own = await mine.GetAsync(new Uri($"/api/shop/me/orders/{paid.Id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(paid.Number, (await own.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString());
        using var notMine = await mine.GetAsync(new Uri($"/api/shop/me/orders/{strangers.Id}", UriKind.Relative));
        using var missing = await mine.GetAsync(new Uri($"/api/shop/me/orders/{Guid.NewGuid()}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, notMine.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        // The stranger's token sees only the stranger's order.
        using var strangerClient = shop.Service.CreateClient(TestPatients.TokenFor(stranger));
        var other = await strangerClient.GetFromJsonAsync<JsonElement>(new Uri("/api/shop/me/orders", UriKind.Relative));
        Assert.Equal(strangers.Id, Assert.Single(other.GetProperty("orders").EnumerateArray().ToList()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Without_a_valid_patient_token_my_orders_is_refused()
    {
        using var forgedKey = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        const string email = "someone@example.com";
        foreach (var token in new string?[]
                 {
                     null, TestPatients.TokenFor(email, signedWith: forgedKey), TestPatients.TokenFor(email, emailVerified: false),
                     TestPatients.TokenFor(email, lifetime: TimeSpan.FromMinutes(-5)), TestStaff.TokenFor("admin"),
                 })
        {
            using var client = shop.Service.CreateClient(token);
            using var list = await client.GetAsync(new Uri("/api/shop/me/orders", UriKind.Relative));
            using var one = await client.GetAsync(new Uri($"/api/shop/me/orders/{Guid.NewGuid()}", UriKind.Relative));
            Assert.True(list.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"{(int)list.StatusCode} for {token ?? "no token"}");
            Assert.True(one.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"{(int)one.StatusCode} for {token ?? "no token"}");
        }
    }

    private static async Task<(Guid Id, string Token, string Number)> OrderOf(HttpResponseMessage checkout)
    {
        Assert.True(checkout.StatusCode == HttpStatusCode.Created, await checkout.Content.ReadAsStringAsync());
        var body = await checkout.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("orderId").GetGuid(), body.GetProperty("accessToken").GetString()!, body.GetProperty("orderNumber").GetString()!);
    }
}
