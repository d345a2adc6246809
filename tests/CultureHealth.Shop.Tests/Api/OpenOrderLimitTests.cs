using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CultureHealth.Shop.Data;
using CultureHealth.Testing;

namespace CultureHealth.Shop.Tests.Api;

/// <summary>
/// A shop on a real loopback port (so forwarded client addresses work as behind the gateway) with small caps on
/// unpaid orders: two per email, three per client address.
/// </summary>
public sealed class OpenOrderLimitShopServiceFixture : IAsyncLifetime
{
    public TestService<ShopDbContext> Service { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var broker = await RabbitMqServer.SharedAsync();
        var vhost = await broker.CreateVirtualHostAsync("shop-" + Guid.NewGuid().ToString("N")[..8]);
        Service = await TestService<ShopDbContext>.StartAsync("shop", vhost, listen: true, settings: new Dictionary<string, string?>
        {
            ["Shop:WebhookSecret"] = ShopServiceFixture.WebhookSecret,
            ["Shop:MaxUnpaidOrdersPerEmail"] = "2",
            ["Shop:MaxUnpaidOrdersPerClient"] = "3",
        });
    }

    public async Task DisposeAsync() => await Service.DisposeAsync();
}

public sealed class OpenOrderLimitTests(OpenOrderLimitShopServiceFixture shop) : IClassFixture<OpenOrderLimitShopServiceFixture>
{
    [Fact]
    public async Task An_email_holds_at_most_its_cap_of_unpaid_orders_and_paying_one_makes_room()
    {
        using var client = ClientFrom("203.0.113.10");
        var email = $"hoarder-{Guid.NewGuid():N}@example.com";
        var product = await ShopClient.AddProductAsync(shop.Service, stock: 50);

        var first = await CheckoutAsync(client, product.Sku, email);
        await CheckoutAsync(client, product.Sku, email.ToUpperInvariant());
        using (var third = await ShopClient.CheckoutAsync(client, await ShopClient.CartWithAsync(client, (product.Sku, 1)), email: email))
        {
            var problem = await ShopClient.ProblemAsync(third, HttpStatusCode.TooManyRequests);
            Assert.Contains("customer.email", ShopClient.ErrorFields(problem));
            Assert.Equal("https://culturehealth.co.uk/problems/too-many-unpaid-orders", problem.GetProperty("type").GetString());
            var retryAfter = third.Headers.RetryAfter?.Delta;
            Assert.NotNull(retryAfter);
            Assert.InRange(retryAfter.Value, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15.1));
        }

        Assert.Equal(48, await ShopClient.StockOfAsync(shop.Service, product.Id));
        using (var paid = await ShopClient.PayAsync(client, first.OrderId, first.Token, "tok_visa"))
        {
            Assert.Equal(HttpStatusCode.Created, paid.StatusCode);
        }

        await CheckoutAsync(client, product.Sku, email);
    }

    [Fact]
    public async Task A_client_address_holds_at_most_its_cap_of_unpaid_orders_whatever_the_emails()
    {
        using var hoarder = ClientFrom("198.51.100.7");
        using var neighbour = ClientFrom("198.51.100.8");
        var product = await ShopClient.AddProductAsync(shop.Service, stock: 50);

        for (var i = 0; i < 3; i++)
        {
            await CheckoutAsync(hoarder, product.Sku, $"alias{i}-{Guid.NewGuid():N}@example.com");
        }

        using (var fourth = await ShopClient.CheckoutAsync(hoarder, await ShopClient.CartWithAsync(hoarder, (product.Sku, 1)), email: $"alias3-{Guid.NewGuid():N}@example.com"))
        {
            var problem = await ShopClient.ProblemAsync(fourth, HttpStatusCode.TooManyRequests);
            Assert.Equal("https://culturehealth.co.uk/problems/too-many-unpaid-orders", problem.GetProperty("type").GetString());
            Assert.NotNull(fourth.Headers.RetryAfter);
        }

        await CheckoutAsync(neighbour, product.Sku, $"other-{Guid.NewGuid():N}@example.com");
        Assert.Equal(46, await ShopClient.StockOfAsync(shop.Service, product.Id));
    }

    [Fact]
    public async Task Concurrent_checkouts_of_one_email_cannot_overshoot_the_cap()
    {
        using var client = ClientFrom("203.0.113.99");
        var email = $"burst-{Guid.NewGuid():N}@example.com";
        var product = await ShopClient.AddProductAsync(shop.Service, stock: 50);
        var carts = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            carts.Add(await ShopClient.CartWithAsync(client, (product.Sku, 1)));
        }

        var statuses = await Task.WhenAll(carts.Select(async cart =>
        {
            using var response = await ShopClient.CheckoutAsync(client, cart, email: email);
            return response.StatusCode;
        }));

        Assert.Equal(2, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(6, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Equal(48, await ShopClient.StockOfAsync(shop.Service, product.Id));
    }

    [Fact]
    public async Task An_unpaid_order_holds_its_stock_for_fifteen_minutes_by_default()
    {
        using var client = ClientFrom("203.0.113.50");
        var product = await ShopClient.AddProductAsync(shop.Service);

        var (_, _, body) = await ShopClient.CheckoutOkAsync(client, await ShopClient.CartWithAsync(client, (product.Sku, 1)));

        var order = body.GetProperty("order");
        Assert.Equal(TimeSpan.FromMinutes(15), order.GetProperty("paymentDueBy").GetDateTimeOffset() - order.GetProperty("createdAt").GetDateTimeOffset());
    }

    /// <summary>A client as the gateway forwards it: the shop trusts X-Forwarded-For from loopback (its default proxy).</summary>
    private HttpClient ClientFrom(string address)
    {
        var client = shop.Service.CreateClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    private static async Task<(Guid OrderId, string Token)> CheckoutAsync(HttpClient client, string sku, string email)
    {
        using var response = await ShopClient.CheckoutAsync(client, await ShopClient.CartWithAsync(client, (sku, 1)), email: email);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("orderId").GetGuid(), body.GetProperty("accessToken").GetString()!);
    }
}
