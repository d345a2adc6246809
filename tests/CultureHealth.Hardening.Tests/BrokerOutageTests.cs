using System.Net;
using System.Text.Json.Nodes;
using CultureHealth.Gateway;
using CultureHealth.Booking.Data;
using CultureHealth.Testing;

namespace CultureHealth.Hardening.Tests;

/// <summary>
/// The other side of "readiness turns red when the database is away": a broker outage must not take a
/// service out of the gateway's rotation, because the outbox keeps its events until RabbitMQ returns
/// (delivery exactly once afterwards is proven by the Platform tests).
/// </summary>
public sealed class BrokerOutageTests : IAsyncLifetime
{
    private RabbitMqServer _broker = null!;
    private TestService<BookingDbContext> _booking = null!;
    private ServiceFactory<DownstreamHealth> _gateway = null!;

    public async Task InitializeAsync()
    {
        _broker = await RabbitMqServer.StartPrivateAsync();
        var vhost = await _broker.CreateVirtualHostAsync("broker-outage-" + Guid.NewGuid().ToString("N")[..8]);
        // Booking consumes events (shop's OrderPaid), so its bus has receive endpoints that notice the broker leave.
        _booking = await TestService<BookingDbContext>.StartAsync("booking", vhost, listen: true);
        _gateway = new ServiceFactory<DownstreamHealth>(new Dictionary<string, string?>
        {
            ["ReverseProxy:Clusters:booking:Destinations:primary:Address"] = _booking.Factory.BaseAddress.ToString(),
        }, listen: true);
        _gateway.StartServer();
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _booking.DisposeAsync();
        await _broker.DisposeAsync();
    }

    [Fact]
    public async Task With_RabbitMQ_down_the_service_stays_ready_and_the_gateway_keeps_routing_to_it()
    {
        using var booking = _booking.CreateClient();
        using var gateway = _gateway.CreateHttpClient();

        await _broker.StopAppAsync();
        try
        {
            var ready = await Eventually.GetAsync(async () =>
            {
                using var response = await booking.GetAsync(new Uri("/health/ready", UriKind.Relative));
                return (response.StatusCode, Body: JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
            }, r => r.Body["checks"]?["masstransit-bus"]?["status"]?.GetValue<string>() is "Degraded" or "Unhealthy",
                TimeSpan.FromSeconds(60), "the bus notices the broker is gone");

            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            Assert.Equal("Healthy", ready.Body["checks"]!["database"]!["status"]!.GetValue<string>());

            using var health = await gateway.GetAsync(new Uri("/health", UriKind.Relative));
            Assert.Equal("Healthy", JsonNode.Parse(await health.Content.ReadAsStringAsync())!["services"]!["booking"]!["status"]!.GetValue<string>());
            using var practitioners = await gateway.GetAsync(new Uri("/api/booking/practitioners", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, practitioners.StatusCode);
        }
        finally
        {
            await _broker.StartAppAsync();
        }
    }
}
