using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using CultureHealth.Content.Data;
using CultureHealth.Gateway;
using CultureHealth.ServiceDefaults.Problems;
using CultureHealth.Shop.Data;
using CultureHealth.Testing;

namespace CultureHealth.Hardening.Tests;

/// <summary>
/// PostgreSQL stops under running services. Shop runs two replicas, one on the PostgreSQL that stops and one
/// on another server; content runs one, on the PostgreSQL that stops. Requests that need the database answer
/// 503 with Retry-After and the database-unavailable problem, quickly; readiness turns red and back; the gateway
/// routes around the shop replica that lost its database; everything recovers when PostgreSQL returns.
/// </summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private static readonly TimeSpan QuickEnough = TimeSpan.FromSeconds(10);

    private PostgresServer _postgres = null!;
    private TestService<ShopDbContext> _shopOnStoppingDatabase = null!;
    private TestService<ShopDbContext> _shopElsewhere = null!;
    private TestService<ContentDbContext> _content = null!;
    private ServiceFactory<DownstreamHealth> _gateway = null!;

    public async Task InitializeAsync()
    {
        _postgres = await PostgresServer.StartPrivateAsync();
        var broker = await RabbitMqServer.SharedAsync();
        var vhost = await broker.CreateVirtualHostAsync("db-outage-" + Guid.NewGuid().ToString("N")[..8]);
        var shopSettings = new Dictionary<string, string?> { ["Shop:WebhookSecret"] = "outage-webhook-secret-of-at-least-32-characters" };
        var shopA = TestService<ShopDbContext>.StartAsync("shop", vhost, listen: true, settings: shopSettings,
            database: await ServiceDatabases.CreateAsync<ShopDbContext>("shop", _postgres));
        var shopB = TestService<ShopDbContext>.StartAsync("shop", vhost, listen: true, settings: shopSettings);
        var content = TestService<ContentDbContext>.StartAsync("content", vhost, listen: true,
            database: await ServiceDatabases.CreateAsync<ContentDbContext>("content", _postgres));
        await Task.WhenAll(shopA, shopB, content);
        (_shopOnStoppingDatabase, _shopElsewhere, _content) = (shopA.Result, shopB.Result, content.Result);

        _gateway = new ServiceFactory<DownstreamHealth>(new Dictionary<string, string?>
        {
            ["ReverseProxy:Clusters:shop:Destinations:primary:Address"] = _shopOnStoppingDatabase.Factory.BaseAddress.ToString(),
            ["ReverseProxy:Clusters:shop:Destinations:secondary:Address"] = _shopElsewhere.Factory.BaseAddress.ToString(),
            ["ReverseProxy:Clusters:shop:LoadBalancingPolicy"] = "RoundRobin",
            ["ReverseProxy:Clusters:content:Destinations:primary:Address"] = _content.Factory.BaseAddress.ToString(),
            ["Gateway:RateLimits:public"] = "1000000",
        }, listen: true);
        _gateway.StartServer();
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _content.DisposeAsync();
        await _shopElsewhere.DisposeAsync();
        await _shopOnStoppingDatabase.DisposeAsync();
        await _postgres.DestroyAsync();
    }

    [Fact]
    public async Task Requests_get_a_quick_503_readiness_flips_the_gateway_routes_around_and_everything_recovers()
    {
        using var shopA = _shopOnStoppingDatabase.CreateClient();
        using var content = _content.CreateClient();
        using var gateway = _gateway.CreateHttpClient();
        Assert.True(await AllSucceedAsync(gateway, 6), "both replicas serve before the outage");

        await _postgres.StopAsync();

        // A write and an uncached read that need the database: 503, Retry-After, what is missing, and fast.
        await AssertDatabaseUnavailableAsync(() => shopA.PostAsync(new Uri("/api/shop/carts", UriKind.Relative), null));
        await AssertDatabaseUnavailableAsync(() => content.GetAsync(new Uri($"/api/content/articles?q=outage{Guid.NewGuid():N}", UriKind.Relative)));

        await Eventually.TrueAsync(async () => !await IsReadyAsync(shopA), TimeSpan.FromSeconds(30), "the shop replica without its database turns unready");
        await Eventually.TrueAsync(async () => !await IsReadyAsync(content), TimeSpan.FromSeconds(30), "content turns unready");

        // The gateway's health checks take the replica out; then every request lands on the healthy one.
        await Eventually.TrueAsync(() => AllSucceedAsync(gateway, 10), TimeSpan.FromSeconds(60), "the gateway routes only to the healthy shop replica");
        Assert.True(await AllSucceedAsync(gateway, 20), "no request reaches the replica whose database is away");

        // Content has no healthy replica: the gateway says which service is unavailable, with Retry-After.
        using (var noContent = await gateway.GetAsync(new Uri($"/api/content/articles?q=outage{Guid.NewGuid():N}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, noContent.StatusCode);
            Assert.NotNull(noContent.Headers.RetryAfter);
            var type = JsonNode.Parse(await noContent.Content.ReadAsStringAsync())!["type"]!.GetValue<string>();
            Assert.Contains(type, new[] { DependencyUnavailable.ServiceType, DependencyUnavailable.DatabaseType });
        }

        await _postgres.StartAsync();

        await Eventually.TrueAsync(() => IsReadyAsync(shopA), TimeSpan.FromSeconds(60), "the shop replica is ready again");
        await Eventually.TrueAsync(() => IsReadyAsync(content), TimeSpan.FromSeconds(60), "content is ready again");
        await Eventually.TrueAsync(async () =>
        {
            using var cart = await shopA.PostAsync(new Uri("/api/shop/carts", UriKind.Relative), null);
            return cart.StatusCode == HttpStatusCode.Created;
        }, TimeSpan.FromSeconds(30), "the shop replica writes again");
        await Eventually.TrueAsync(async () =>
        {
            using var articles = await gateway.GetAsync(new Uri($"/api/content/articles?q=back{Guid.NewGuid():N}", UriKind.Relative));
            return articles.StatusCode == HttpStatusCode.OK;
        }, TimeSpan.FromSeconds(60), "the gateway routes to content again");
    }

    private static async Task AssertDatabaseUnavailableAsync(Func<Task<HttpResponseMessage>> send)
    {
        var clock = Stopwatch.StartNew();
        using var response = await send();
        clock.Stop();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.True(clock.Elapsed < QuickEnough, $"answered in {clock.Elapsed}");
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After in seconds");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(DependencyUnavailable.DatabaseType, problem["type"]!.GetValue<string>());
        Assert.Equal(503, problem["status"]!.GetValue<int>());
    }

    private static async Task<bool> IsReadyAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        return response.StatusCode == HttpStatusCode.OK;
    }

    /// <summary>Creates <paramref name="count"/> carts through the gateway (each needs the database); true when all succeed.</summary>
    private static async Task<bool> AllSucceedAsync(HttpClient gateway, int count)
    {
        var ok = true;
        for (var i = 0; i < count; i++)
        {
            using var response = await gateway.PostAsync(new Uri("/api/shop/carts", UriKind.Relative), null);
            ok &= response.StatusCode == HttpStatusCode.Created;
        }
        return ok;
    }
}
