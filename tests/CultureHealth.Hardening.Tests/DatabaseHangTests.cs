using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using CultureHealth.ServiceDefaults.Problems;
using CultureHealth.Shop.Data;
using CultureHealth.Testing;
using Npgsql;

namespace CultureHealth.Hardening.Tests;

/// <summary>
/// PostgreSQL stops answering but keeps its connections open (every process suspended): no error ever arrives
/// by itself, so only the connect and command timeouts end the wait. The service sets its own short ones here
/// (explicit values win over our defaults) to keep the test quick; the mechanism is the production one.
/// </summary>
public sealed class DatabaseHangTests : IAsyncLifetime
{
    private const int ConnectSeconds = 2;
    private const int CommandSeconds = 3;

    private PostgresServer _postgres = null!;
    private TestService<ShopDbContext> _shop = null!;

    public async Task InitializeAsync()
    {
        _postgres = await PostgresServer.StartPrivateAsync();
        var broker = await RabbitMqServer.SharedAsync();
        var vhost = await broker.CreateVirtualHostAsync("db-hang-" + Guid.NewGuid().ToString("N")[..8]);
        var database = new NpgsqlConnectionStringBuilder(await ServiceDatabases.CreateAsync<ShopDbContext>("shop", _postgres))
        {
            Timeout = ConnectSeconds, CommandTimeout = CommandSeconds,
        }.ConnectionString;
        _shop = await TestService<ShopDbContext>.StartAsync("shop", vhost, settings: new Dictionary<string, string?>
        {
            ["Shop:WebhookSecret"] = "hang-webhook-secret-of-at-least-32-characters",
        }, database: database);
    }

    public async Task DisposeAsync()
    {
        await _postgres.ResumeAsync();
        await _shop.DisposeAsync();
        await _postgres.DestroyAsync();
    }

    [Fact]
    public async Task A_database_that_stops_answering_is_a_503_within_the_timeouts_and_readiness_says_so()
    {
        using var client = _shop.CreateClient();
        using (var warm = await client.PostAsync(new Uri("/api/shop/carts", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.Created, warm.StatusCode);
        }

        await _postgres.PauseAsync();
        try
        {
            // Readiness first, while the pool still holds an idle connection: an idle pooled connection is no proof
            // the server answers, so the check must reach the server itself (EF's opens a fresh, unpooled one).
            using (var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative)))
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            }

            // A pooled connection waits for the command timeout, then Npgsql's attempt to cancel (2 s) gives up too.
            var limit = TimeSpan.FromSeconds(CommandSeconds + 2 + 5);
            var clock = Stopwatch.StartNew();
            using var response = await client.PostAsync(new Uri("/api/shop/carts", UriKind.Relative), null);
            clock.Stop();

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.True(clock.Elapsed < limit, $"answered after {clock.Elapsed}, the limit is {limit}");
            Assert.NotNull(response.Headers.RetryAfter);
            Assert.Equal(DependencyUnavailable.DatabaseType, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["type"]!.GetValue<string>());
        }
        finally
        {
            await _postgres.ResumeAsync();
        }

        await Eventually.TrueAsync(async () =>
        {
            using var cart = await client.PostAsync(new Uri("/api/shop/carts", UriKind.Relative), null);
            return cart.StatusCode == HttpStatusCode.Created;
        }, TimeSpan.FromSeconds(30), "the shop writes again once PostgreSQL answers");
    }
}
