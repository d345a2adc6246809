using CultureHealth.Admin.Data;
using CultureHealth.Booking.Data;
using CultureHealth.Content.Data;
using CultureHealth.Gateway;
using CultureHealth.Patients.Data;
using CultureHealth.Shop.Data;
using CultureHealth.Storefront;
using CultureHealth.Testing;

namespace CultureHealth.Hardening.Tests;

/// <summary>
/// Content, shop, booking, admin and patients, each on a real loopback port (Kestrel, so raw bytes reach it as a
/// client would send them) with the demo data seeded, the website, and the gateway in front of them (its
/// aggregated /health asks every cluster it routes to, so every one of them runs).
/// </summary>
public sealed class SweepStack : IAsyncLifetime
{
    /// <summary>The test classes that share one running stack (started once, torn down after the last).</summary>
    public const string Collection = "running stack";

    private const string QuietDatabaseLog = "Logging:LogLevel:Microsoft.EntityFrameworkCore";

    public TestService<ContentDbContext> Content { get; private set; } = null!;
    public TestService<ShopDbContext> Shop { get; private set; } = null!;
    public TestService<BookingDbContext> Booking { get; private set; } = null!;
    public TestService<AdminDbContext> Admin { get; private set; } = null!;
    public TestService<PatientsDbContext> Patients { get; private set; } = null!;
    public ServiceFactory<StorefrontOptions> Storefront { get; private set; } = null!;
    public ServiceFactory<DownstreamHealth> Gateway { get; private set; } = null!;

    /// <summary>Each service's name, port and health client.</summary>
    public IReadOnlyList<(string Name, int Port, Func<HttpClient> Client)> Services =>
    [
        ("content", Content.Factory.Port!.Value, () => Content.CreateClient()),
        ("shop", Shop.Factory.Port!.Value, () => Shop.CreateClient()),
        ("booking", Booking.Factory.Port!.Value, () => Booking.CreateClient()),
        ("admin", Admin.Factory.Port!.Value, () => Admin.CreateClient()),
        ("patients", Patients.Factory.Port!.Value, () => Patients.CreateClient()),
    ];

    public async Task InitializeAsync()
    {
        var broker = await RabbitMqServer.SharedAsync();
        var vhost = await broker.CreateVirtualHostAsync("sweep-" + Guid.NewGuid().ToString("N")[..8]);
        var seeded = new Dictionary<string, string?>
        {
            ["Database:SeedDemoData"] = "true",
            // The sweep provokes thousands of refused writes (duplicate SKUs and the like) that EF logs as errors.
            [QuietDatabaseLog] = "Critical",
            ["Shop:WebhookSecret"] = "sweep-webhook-secret-of-at-least-32-characters",
        };
        var content = TestService<ContentDbContext>.StartAsync("content", vhost, listen: true, settings: seeded);
        var shop = TestService<ShopDbContext>.StartAsync("shop", vhost, listen: true, settings: seeded);
        var booking = TestService<BookingDbContext>.StartAsync("booking", vhost, listen: true, settings: seeded);
        var patients = TestService<PatientsDbContext>.StartAsync("patients", vhost, listen: true, settings: new Dictionary<string, string?>(seeded)
        {
            ["PatientAuth:SigningKeys:0:Id"] = "sweep",
            ["PatientAuth:SigningKeys:0:PrivateKeyPem"] = CultureHealth.ServiceDefaults.Auth.EcdsaKeys.CreatePemPair().PrivateKeyPem,
        });
        await Task.WhenAll(content, shop, booking, patients);
        (Content, Shop, Booking, Patients) = (content.Result, shop.Result, booking.Result, patients.Result);
        Admin = await TestService<AdminDbContext>.StartAsync("admin", vhost, listen: true, settings: new Dictionary<string, string?>
        {
            [QuietDatabaseLog] = "Critical",
            ["Admin:Bootstrap:Email"] = "first.admin@test.culturehealth.local",
            ["Admin:Bootstrap:Password"] = "correct horse battery staple",
            ["Admin:Services:content"] = Content.Factory.BaseAddress.ToString(),
            ["Admin:Services:shop"] = Shop.Factory.BaseAddress.ToString(),
            ["Admin:Services:booking"] = Booking.Factory.BaseAddress.ToString(),
        });
        var gatewayPort = FreePort.Reserve();
        Storefront = new ServiceFactory<StorefrontOptions>(new Dictionary<string, string?>
        {
            ["Storefront:GatewayUrl"] = $"http://127.0.0.1:{gatewayPort}/",
            ["Site:PublicUrl"] = $"http://127.0.0.1:{gatewayPort}/",
            ["Logging:LogLevel:Default"] = "Warning",
        }, listen: true);
        Storefront.StartServer();
        Gateway = new ServiceFactory<DownstreamHealth>(new Dictionary<string, string?>
        {
            ["ReverseProxy:Clusters:patients:Destinations:primary:Address"] = Patients.Factory.BaseAddress.ToString(),
            ["ReverseProxy:Clusters:storefront:Destinations:primary:Address"] = Storefront.BaseAddress.ToString(),
            ["Gateway:TrustedNetworks:0"] = "127.0.0.1",
            ["ReverseProxy:Clusters:content:Destinations:primary:Address"] = Content.Factory.BaseAddress.ToString(),
            ["ReverseProxy:Clusters:shop:Destinations:primary:Address"] = Shop.Factory.BaseAddress.ToString(),
            ["ReverseProxy:Clusters:booking:Destinations:primary:Address"] = Booking.Factory.BaseAddress.ToString(),
            ["ReverseProxy:Clusters:admin:Destinations:primary:Address"] = Admin.Factory.BaseAddress.ToString(),
            ["Gateway:RateLimits:public"] = "1000000",
        }, listen: true, port: gatewayPort);
        Gateway.StartServer();
    }

    public async Task DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Storefront.DisposeAsync();
        await Patients.DisposeAsync();
        await Admin.DisposeAsync();
        await Booking.DisposeAsync();
        await Shop.DisposeAsync();
        await Content.DisposeAsync();
    }
}

[CollectionDefinition(SweepStack.Collection)]
public sealed class SweepStackCollection : ICollectionFixture<SweepStack>;
