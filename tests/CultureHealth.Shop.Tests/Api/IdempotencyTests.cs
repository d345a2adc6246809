using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CultureHealth.Messaging.Idempotency;
using CultureHealth.Shop.Api;
using CultureHealth.Shop.Data;
using CultureHealth.Shop.Application.Payments;
using CultureHealth.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CultureHealth.Shop.Tests.Api;

/// <summary>The shared Idempotency-Key rule as the shop's checkout and payment apply it.</summary>
public sealed class IdempotencyTests(ShopServiceFixture shop) : IClassFixture<ShopServiceFixture>
{
    private readonly HttpClient _client = shop.Service.CreateClient();

    [Theory]
    [InlineData("short-key")]
    [InlineData("a key with spaces in it")]
    [InlineData("")]
    public async Task A_key_that_breaks_the_rule_is_a_400_naming_the_header(string key)
    {
        var product = await ShopClient.AddProductAsync(shop.Service);
        var cartId = await ShopClient.CartWithAsync(_client, (product.Sku, 1));

        using var checkout = await ShopClient.CheckoutAsync(_client, cartId, key);

        var problem = await ShopClient.ProblemAsync(checkout, HttpStatusCode.BadRequest);
        Assert.Contains(IdempotencyKey.HeaderName, ShopClient.ErrorFields(problem));
        await using var db = shop.Service.OpenDb();
        Assert.False(await db.OrderItems.AnyAsync(i => i.ProductId == product.Id));
    }

    [Fact]
    public async Task A_payment_key_reused_with_a_different_body_is_a_422_and_charges_nothing_more()
    {
        var provider = shop.Service.GetRequiredService<TestPaymentProvider>();
        var product = await ShopClient.AddProductAsync(shop.Service);
        var (orderId, orderToken, _) = await ShopClient.CheckoutOkAsync(_client, await ShopClient.CartWithAsync(_client, (product.Sku, 1)));
        var key = Guid.NewGuid().ToString();
        using var declined = await ShopClient.PayAsync(_client, orderId, orderToken, TestPaymentProvider.DecliningToken, key);
        Assert.Equal(HttpStatusCode.PaymentRequired, declined.StatusCode);
        var chargesBefore = provider.ChargeCount;

        using var otherCard = await ShopClient.PayAsync(_client, orderId, orderToken, TestPaymentProvider.SucceedingToken, key);

        var problem = await ShopClient.ProblemAsync(otherCard, HttpStatusCode.UnprocessableEntity);
        Assert.Contains(IdempotencyKey.HeaderName, ShopClient.ErrorFields(problem));
        Assert.Equal(chargesBefore, provider.ChargeCount);
        await using var db = shop.Service.OpenDb();
        Assert.Equal(1, await db.Payments.CountAsync(p => p.OrderId == orderId));
    }

    [Fact]
    public async Task A_declined_payment_replays_its_402_to_a_retry_with_the_same_key()
    {
        var product = await ShopClient.AddProductAsync(shop.Service);
        var (orderId, orderToken, _) = await ShopClient.CheckoutOkAsync(_client, await ShopClient.CartWithAsync(_client, (product.Sku, 1)));
        var key = Guid.NewGuid().ToString();

        using var first = await ShopClient.PayAsync(_client, orderId, orderToken, TestPaymentProvider.DecliningToken, key);
        using var retry = await ShopClient.PayAsync(_client, orderId, orderToken, TestPaymentProvider.DecliningToken, key);

        var firstProblem = await ShopClient.ProblemAsync(first, HttpStatusCode.PaymentRequired);
        var retryProblem = await ShopClient.ProblemAsync(retry, HttpStatusCode.PaymentRequired);
        Assert.Equal(firstProblem.GetProperty("paymentId").GetGuid(), retryProblem.GetProperty("paymentId").GetGuid());
        await using var db = shop.Service.OpenDb();
        Assert.Equal(1, await db.Payments.CountAsync(p => p.OrderId == orderId));
    }

    [Fact]
    public async Task One_key_on_another_route_or_another_order_is_another_key()
    {
        var product = await ShopClient.AddProductAsync(shop.Service);
        var key = Guid.NewGuid().ToString();
        var (firstOrder, firstToken, _) = await ShopClient.CheckoutOkAsync(_client, await ShopClient.CartWithAsync(_client, (product.Sku, 1)), key);
        var (secondOrder, secondToken, _) = await ShopClient.CheckoutOkAsync(_client, await ShopClient.CartWithAsync(_client, (product.Sku, 1)));

        // The checkout's key pays its order (another route), then pays a second order (another resource).
        using var payFirst = await ShopClient.PayAsync(_client, firstOrder, firstToken, TestPaymentProvider.SucceedingToken, key);
        using var paySecond = await ShopClient.PayAsync(_client, secondOrder, secondToken, TestPaymentProvider.SucceedingToken, key);

        Assert.Equal(HttpStatusCode.Created, payFirst.StatusCode);
        Assert.Equal(HttpStatusCode.Created, paySecond.StatusCode);
        var firstPayment = (await payFirst.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("paymentId").GetGuid();
        var secondPayment = (await paySecond.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("paymentId").GetGuid();
        Assert.NotEqual(firstPayment, secondPayment);
        Assert.Equal("paid", (await ShopClient.GetOrderAsync(_client, firstOrder, firstToken)).GetProperty("status").GetString());
        Assert.Equal("paid", (await ShopClient.GetOrderAsync(_client, secondOrder, secondToken)).GetProperty("status").GetString());
    }
}

/// <summary>Records expire: after the retention a key no longer replays, and the sweeper deletes the record.</summary>
public sealed class IdempotencyExpiryTests : IAsyncLifetime
{
    private static readonly TimeSpan Retention = TimeSpan.FromHours(1);
    private static readonly TimeSpan SweepInterval = TimeSpan.FromDays(1);
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private TestService<ShopDbContext> _shop = null!;

    public async Task InitializeAsync()
    {
        var broker = await RabbitMqServer.SharedAsync();
        var vhost = await broker.CreateVirtualHostAsync("shop-expiry-" + Guid.NewGuid().ToString("N")[..8]);
        _shop = await TestService<ShopDbContext>.StartAsync("shop", vhost, settings: new Dictionary<string, string?>
        {
            ["Shop:WebhookSecret"] = ShopServiceFixture.WebhookSecret,
            ["Idempotency:Retention"] = Retention.ToString(),
            ["Idempotency:SweepInterval"] = SweepInterval.ToString(),
        }, services: s => s.AddSingleton<TimeProvider>(_clock));
    }

    public async Task DisposeAsync() => await _shop.DisposeAsync();

    [Fact]
    public async Task An_expired_key_stops_replaying_at_once_and_its_record_is_swept_on_the_next_round()
    {
        using var client = _shop.CreateClient();
        var product = await ShopClient.AddProductAsync(_shop, stock: 5);
        var cartId = await ShopClient.CartWithAsync(client, (product.Sku, 1));
        var key = Guid.NewGuid().ToString();
        var (orderId, orderToken, _) = await ShopClient.CheckoutOkAsync(client, cartId, key);
        var (replayedId, _, _) = await ShopClient.CheckoutOkAsync(client, cartId, key);
        Assert.Equal(orderId, replayedId);
        Assert.Equal(1, await RecordCountAsync(key));

        // Past the retention but before the next sweep: the record is still there, yet the key is forgotten, so the
        // retry is a new checkout of a cart that already became an order.
        _clock.Advance(Retention + TimeSpan.FromMinutes(1));
        using var expired = await ShopClient.CheckoutAsync(client, cartId, key);
        var problem = await ShopClient.ProblemAsync(expired, HttpStatusCode.Conflict);
        Assert.Equal("Cart already checked out", problem.GetProperty("title").GetString());
        Assert.Contains("cartId", ShopClient.ErrorFields(problem));
        Assert.Equal(1, await RecordCountAsync(key));

        _clock.Advance(SweepInterval);
        await Eventually.TrueAsync(async () => await RecordCountAsync(key) == 0, TimeSpan.FromSeconds(30), "the sweeper deleted the expired record");
    }

    private async Task<int> RecordCountAsync(string key)
    {
        Assert.True(IdempotencyKey.TryParse(key, out var parsed));
        var keyHash = new IdempotentRequest(parsed!, IdempotencyScope.For(CheckoutEndpoints.CheckoutOperation, null), "").KeyHash;
        await using var db = _shop.OpenDb();
        return await db.IdempotencyRecords.CountAsync(r => r.Operation == CheckoutEndpoints.CheckoutOperation && r.KeyHash == keyHash);
    }
}
