using CultureHealth.Admin.Data;
using CultureHealth.Booking.Data;
using CultureHealth.Content.Data;
using CultureHealth.Gateway;
using CultureHealth.Shop.Data;
using CultureHealth.Testing;

namespace CultureHealth.Operations.Tests;

/// <summary>
/// Every service and the gateway on real loopback ports with the demo data loaded, as the run command starts
/// them, with the gauges sampling often so a test sees them without waiting. The gateway is hosted by way of
/// its <see cref="DownstreamHealth"/> type: every service's top-level Program is public, so the name is ambiguous.
/// </summary>
public sealed class MetricsStack : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> Sampling = new()
    {
        ["Database:SeedDemoData"] = "true",
        ["Outbox:BacklogSampleInterval"] = "00:00:00.200",
        ["Messaging:QueueSampleInterval"] = "00:00:00.200",
    };

    public TestService<ContentDbContext> Content { get; private set; } = null!;
    public TestService<ShopDbContext> Shop { get; private set; } = null!;
    public TestService<BookingDbContext> Booking { get; private set; } = null!;
    public TestService<AdminDbContext> Admin { get; private set; } = null!;
    public ServiceFactory<DownstreamHealth> Gateway { get; private set; } = null!;

    /// <summary>Each process that Prometheus scrapes, by the job name prometheus.yml gives it.</summary>
    public IReadOnlyDictionary<string, Uri> Targets => new Dictionary<string, Uri>
    {
        ["gateway"] = Gateway.BaseAddress,
        ["content"] = Content.Factory.BaseAddress,
        ["shop"] = Shop.Factory.BaseAddress,
        ["booking"] = Booking.Factory.BaseAddress,
        ["admin"] = Admin.Factory.BaseAddress,
    };

    public async Task InitializeAsync()
    {
        var broker = await RabbitMqServer.SharedAsync();
        var vhost = await broker.CreateVirtualHostAsync("ops-" + Guid.NewGuid().ToString("N")[..8]);
        var contentTask = TestService<ContentDbContext>.StartAsync("content", vhost, listen: true, settings: Sampling);
        var shopTask = TestService<ShopDbContext>.StartAsync("shop", vhost, listen: true, settings: With(new()
        {
            ["Shop:WebhookSecret"] = "test-webhook-secret-of-at-least-32-characters",
        }));
        var bookingTask = TestService<BookingDbContext>.StartAsync("booking", vhost, listen: true, settings: Sampling);
        await Task.WhenAll(contentTask, shopTask, bookingTask);
        Content = contentTask.Result;
        Shop = shopTask.Result;
        Booking = bookingTask.Result;
        Admin = await TestService<AdminDbContext>.StartAsync("admin", vhost, listen: true, settings: With(new()
        {
            ["Admin:Bootstrap:Email"] = "first.admin@test.culturehealth.local",
            ["Admin:Bootstrap:Password"] = "correct horse battery staple",
            ["Admin:Services:content"] = Content.Factory.BaseAddress.ToString(),
            ["Admin:Services:shop"] = Shop.Factory.BaseAddress.ToString(),
            ["Admin:Services:booking"] = Booking.Factory.BaseAddress.ToString(),
        }));
        Gateway = new ServiceFactory<DownstreamHealth>(new Dictionary<string, string?>
        {
            ["ReverseProxy:Clusters:content:Destinations:primary:Address"] = Content.Factory.BaseAddress.ToString(),
            ["ReverseProxy:Clusters:shop:Destinations:primary:Address"] = Shop.Factory.BaseAddress.ToString(),
            ["ReverseProxy:Clusters:booking:Destinations:primary:Address"] = Booking.Factory.BaseAddress.ToString(),
            ["ReverseProxy:Clusters:admin:Destinations:primary:Address"] = Admin.Factory.BaseAddress.ToString(),
            ["OTEL_SERVICE_NAME"] = "gateway",
        }, listen: true);
        Gateway.StartServer();
    }

    public HttpClient GatewayClient() => Gateway.CreateHttpClient();

    private static Dictionary<string, string?> With(Dictionary<string, string?> settings)
    {
        foreach (var (key, value) in Sampling)
        {
            settings[key] = value;
        }
        return settings;
    }

    public async Task DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Admin.DisposeAsync();
        await Booking.DisposeAsync();
        await Shop.DisposeAsync();
        await Content.DisposeAsync();
    }
}
