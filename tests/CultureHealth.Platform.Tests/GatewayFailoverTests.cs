using System.Diagnostics;
using System.Net;
using CultureHealth.Booking.Data;
using CultureHealth.Gateway;
using CultureHealth.Testing;

namespace CultureHealth.Platform.Tests;

/// <summary>Two booking replicas behind the gateway; one goes away while traffic flows.</summary>
public sealed class GatewayFailoverTests : IAsyncLifetime
{
    private TestService<BookingDbContext> _first = null!;
    private TestService<BookingDbContext> _second = null!;
    private ServiceFactory<DownstreamHealth> _gateway = null!;

    public async Task InitializeAsync()
    {
        var broker = await RabbitMqServer.SharedAsync();
        var vhost = await broker.CreateVirtualHostAsync("failover-" + Guid.NewGuid().ToString("N")[..8]);
        _first = await TestService<BookingDbContext>.StartAsync("booking", vhost, listen: true);
        _second = await TestService<BookingDbContext>.StartAsync("booking", vhost, listen: true, database: _first.DatabaseConnectionString);
        _gateway = new ServiceFactory<DownstreamHealth>(new Dictionary<string, string?>
        {
            ["ReverseProxy:Clusters:booking:Destinations:primary:Address"] = _first.Factory.BaseAddress.ToString(),
            ["ReverseProxy:Clusters:booking:Destinations:secondary:Address"] = _second.Factory.BaseAddress.ToString(),
            ["ReverseProxy:Clusters:booking:LoadBalancingPolicy"] = "RoundRobin",
            ["Gateway:RateLimits:public"] = "1000000",
        }, listen: true);
        _gateway.StartServer();
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _first.DisposeAsync();
        await _second.DisposeAsync();
    }

    [Fact]
    public async Task When_one_of_two_replicas_stops_mid_load_the_gateway_routes_around_it_within_seconds()
    {
        using var client = _gateway.CreateHttpClient();
        var results = new List<(TimeSpan At, HttpStatusCode Status)>();
        var clock = Stopwatch.StartNew();
        TimeSpan? stoppedAt = null;

        async Task<HttpStatusCode> CallAsync()
        {
            try
            {
                using var response = await client.GetAsync(new Uri("/api/booking/practitioners", UriKind.Relative));
                return response.StatusCode;
            }
            catch (HttpRequestException)
            {
                return HttpStatusCode.ServiceUnavailable;
            }
        }

        // Warm traffic over both replicas, then take the second away mid-load.
        while (clock.Elapsed < TimeSpan.FromSeconds(14))
        {
            var batch = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => CallAsync()));
            results.AddRange(batch.Select(status => (clock.Elapsed, status)));
            if (stoppedAt is null && clock.Elapsed > TimeSpan.FromSeconds(2))
            {
                await _second.DisposeAsync();
                stoppedAt = clock.Elapsed;
            }
        }

        Assert.True(results.Where(r => r.At < stoppedAt).All(r => r.Status == HttpStatusCode.OK), "every request succeeded while both replicas ran");
        // Passive health marks the dead replica after its first failures; active checks confirm it.
        var settled = stoppedAt!.Value + TimeSpan.FromSeconds(5);
        var afterwards = results.Where(r => r.At > settled).ToList();
        Assert.NotEmpty(afterwards);
        Assert.All(afterwards, r => Assert.Equal(HttpStatusCode.OK, r.Status));
    }
}
