using CultureHealth.Admin.Data;
using CultureHealth.Booking.Data;
using CultureHealth.Content.Data;
using CultureHealth.Gateway;
using CultureHealth.Notifications.Data;
using CultureHealth.Patients.Data;
using CultureHealth.Shop.Data;
using CultureHealth.Storefront;
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
        // Content's scheduled publisher and shop's unpaid-order sweeper run often, so RareEventsTraffic sees them act.
        ["Content:ScheduledPublishInterval"] = "00:00:00.200",
        ["Shop:SweeperInterval"] = "00:00:00.200",
    };

    public TestService<ContentDbContext> Content { get; private set; } = null!;
    public TestService<ShopDbContext> Shop { get; private set; } = null!;
    public TestService<BookingDbContext> Booking { get; private set; } = null!;
    public TestService<AdminDbContext> Admin { get; private set; } = null!;
    public TestService<NotificationsDbContext> Notifications { get; private set; } = null!;
    public TestService<PatientsDbContext> Patients { get; private set; } = null!;
    public ServiceFactory<DownstreamHealth> Gateway { get; private set; } = null!;
    public ServiceFactory<StorefrontOptions> Storefront { get; private set; } = null!;

    /// <summary>The jobs this stack hosts: every process of prometheus.yml.</summary>
    public static IReadOnlySet<string> Jobs { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "gateway", "content", "shop", "booking", "admin", "notifications", "patients", "storefront",
    };

    /// <summary>Each process that Prometheus scrapes, by the job name prometheus.yml gives it.</summary>
    public IReadOnlyDictionary<string, Uri> Targets => new Dictionary<string, Uri>
    {
        ["gateway"] = Gateway.BaseAddress,
        ["content"] = Content.Factory.BaseAddress,
        ["shop"] = Shop.Factory.BaseAddress,
        ["booking"] = Booking.Factory.BaseAddress,
        ["admin"] = Admin.Factory.BaseAddress,
        ["notifications"] = Notifications.Factory.BaseAddress,
        ["patients"] = Patients.Factory.BaseAddress,
        ["storefront"] = Storefront.BaseAddress,
    };

    /// <summary>A gateway route to a service that is not running.</summary>
    public const string UnreachablePath = "/api/ops-unreachable";

    private readonly string _mailFolder = Path.Combine(Path.GetTempPath(), "ch-ops-mail-" + Guid.NewGuid().ToString("N"));

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
        // The email worker, so the event-to-email delay the email SLO reads is recorded by real emails.
        var notificationsTask = TestService<NotificationsDbContext>.StartAsync("notifications", vhost, listen: true, settings: With(new()
        {
            ["Notifications:Delivery"] = "Pickup",
            ["Notifications:PickupDirectory"] = _mailFolder,
            ["Notifications:ClinicAddress"] = "1 Harley Street, London W1G 9QD",
            ["Notifications:PublicSiteUrl"] = "https://clinic.example",
        }));
        var patientsTask = TestService<PatientsDbContext>.StartAsync("patients", vhost, listen: true, settings: Sampling);
        await Task.WhenAll(contentTask, shopTask, bookingTask, notificationsTask, patientsTask);
        Patients = patientsTask.Result;
        Content = contentTask.Result;
        Shop = shopTask.Result;
        Booking = bookingTask.Result;
        Notifications = notificationsTask.Result;
        Admin = await TestService<AdminDbContext>.StartAsync("admin", vhost, listen: true, settings: With(new()
        {
            ["Admin:Bootstrap:Email"] = "first.admin@test.culturehealth.local",
            ["Admin:Bootstrap:Password"] = "correct horse battery staple",
            ["Admin:Services:content"] = Content.Factory.BaseAddress.ToString(),
            ["Admin:Services:shop"] = Shop.Factory.BaseAddress.ToString(),
            ["Admin:Services:booking"] = Booking.Factory.BaseAddress.ToString(),
        }));
        // The website calls the gateway's public API, and the gateway routes the site's pages to it: the gateway's
        // port is chosen first (below the ephemeral range, so no outgoing connection takes it meanwhile).
        var gatewayPort = FreePort.Reserve();
        var publicUrl = $"http://127.0.0.1:{gatewayPort}/";
        Storefront = new ServiceFactory<StorefrontOptions>(new Dictionary<string, string?>
        {
            ["Storefront:GatewayUrl"] = publicUrl,
            ["Site:PublicUrl"] = publicUrl,
            ["OTEL_SERVICE_NAME"] = "storefront",
            ["Logging:LogLevel:Default"] = "Warning",
        }, listen: true);
        Storefront.StartServer();
        Gateway = new ServiceFactory<DownstreamHealth>(new Dictionary<string, string?>
        {
            ["ReverseProxy:Clusters:storefront:Destinations:primary:Address"] = Storefront.BaseAddress.ToString(),
            ["Gateway:TrustedNetworks:0"] = "127.0.0.1",
            ["ReverseProxy:Clusters:content:Destinations:primary:Address"] = Content.Factory.BaseAddress.ToString(),
            ["ReverseProxy:Clusters:shop:Destinations:primary:Address"] = Shop.Factory.BaseAddress.ToString(),
            ["ReverseProxy:Clusters:booking:Destinations:primary:Address"] = Booking.Factory.BaseAddress.ToString(),
            ["ReverseProxy:Clusters:admin:Destinations:primary:Address"] = Admin.Factory.BaseAddress.ToString(),
            ["ReverseProxy:Clusters:patients:Destinations:primary:Address"] = Patients.Factory.BaseAddress.ToString(),
            // A downstream nobody listens on: what the gateway answers (503) when a service is unreachable, which is
            // where its 5xx series come from (StorefrontTraffic calls it once).
            ["ReverseProxy:Routes:ops-unreachable:ClusterId"] = "ops-unreachable",
            ["ReverseProxy:Routes:ops-unreachable:Match:Path"] = UnreachablePath + "/{**rest}",
            ["ReverseProxy:Routes:ops-unreachable:AuthorizationPolicy"] = "anonymous",
            ["ReverseProxy:Routes:ops-unreachable:RateLimiterPolicy"] = "public",
            ["ReverseProxy:Clusters:ops-unreachable:Destinations:primary:Address"] = $"http://127.0.0.1:{FreePort.Next()}/",
            // Two sign-in attempts a minute, so the traffic reaches the limit (and its 429 series) in three quick tries,
            // however slow password hashing is on a loaded machine.
            ["Gateway:RateLimits:sign-in"] = "2",
            ["OTEL_SERVICE_NAME"] = "gateway",
        }, listen: true, port: gatewayPort);
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
        await Storefront.DisposeAsync();
        await Admin.DisposeAsync();
        await Notifications.DisposeAsync();
        await Patients.DisposeAsync();
        await Booking.DisposeAsync();
        await Shop.DisposeAsync();
        await Content.DisposeAsync();
        if (Directory.Exists(_mailFolder))
        {
            Directory.Delete(_mailFolder, recursive: true);
        }
    }
}
