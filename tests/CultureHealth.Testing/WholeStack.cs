using CultureHealth.Admin.Data;
using CultureHealth.BackOffice.Data;
using CultureHealth.Booking.Data;
using CultureHealth.Content.Data;
using CultureHealth.Gateway;
using CultureHealth.Notifications.Data;
using CultureHealth.Patients.Data;
using CultureHealth.Shop.Data;
using CultureHealth.Storefront;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Xunit;

namespace CultureHealth.Testing;

/// <summary>
/// Every service, the website and the gateway, each on a real loopback port, sharing one RabbitMQ vhost, as the
/// run command starts them. Notifications writes every email as an .eml file into <see cref="MailFolder"/>.
/// The gateway's tracer also exports to <see cref="Spans"/> (the process's activity sources are shared, so it
/// sees every host's spans). The gateway is hosted by way of its <see cref="DownstreamHealth"/> type and the
/// website by way of <see cref="StorefrontOptions"/>: every service's top-level Program is public, so the name is ambiguous.
/// Booking fetches the patients service's public keys from its JWKS endpoint, as in a deployment.
/// </summary>
public class WholeStack : IAsyncLifetime
{
    public const string AdminEmail = "first.admin@test.culturehealth.local";
    public const string AdminPassword = "correct horse battery staple";
    /// <summary>The website replicas' shared antiforgery key (Storefront:DataProtectionKey), 64 bytes in base64.</summary>
    public static readonly string StorefrontKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(64));

    public WholeStack() : this(seedDemoData: false)
    {
    }

    /// <param name="seedDemoData">The demo clinic (articles, products, practitioners and their hours), as ./run seeds it.</param>
    protected WholeStack(bool seedDemoData) => SeedDemoData = seedDemoData;

    public bool SeedDemoData { get; }
    public SpanCollector Spans { get; } = new();
    public ConsumeCounter BookingConsumed { get; } = new();
    public ConsumeCounter AdminConsumed { get; } = new();
    public TestService<ContentDbContext> Content { get; private set; } = null!;
    public TestService<ShopDbContext> Shop { get; private set; } = null!;
    public TestService<BookingDbContext> Booking { get; private set; } = null!;
    public TestService<AdminDbContext> Admin { get; private set; } = null!;
    public TestService<NotificationsDbContext> Notifications { get; private set; } = null!;
    public TestService<PatientsDbContext> Patients { get; private set; } = null!;
    /// <summary>The staff pages (/admin on the gateway): a client of admin's API, with its own session database.</summary>
    public TestService<BackOfficeDbContext> BackOffice { get; private set; } = null!;
    public ServiceFactory<StorefrontOptions> Storefront { get; private set; } = null!;
    public ServiceFactory<DownstreamHealth> Gateway { get; private set; } = null!;

    /// <summary>Where notifications writes the emails it would send (one .eml file each).</summary>
    public string MailFolder { get; } = Path.Combine(Path.GetTempPath(), "ch-mail-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>The same folder (the patients tests' name for it).</summary>
    public string MailDirectory => MailFolder;

    /// <summary>The public origin (the gateway), as links in emails and canonical URLs carry it.</summary>
    public Uri PublicUrl { get; private set; } = null!;

    /// <summary>Overrides for the gateway's settings (rate limits in tests that probe them).</summary>
    public Dictionary<string, string?> GatewaySettings { get; } = [];

    /// <summary>Overrides for every service's settings (set before the stack starts).</summary>
    public Dictionary<string, string?> ServiceSettings { get; } = [];

    public virtual async Task InitializeAsync()
    {
        var broker = await RabbitMqServer.SharedAsync();
        var vhost = await broker.CreateVirtualHostAsync("stack-" + Guid.NewGuid().ToString("N")[..8]);
        var gatewayPort = FreePort.Reserve();
        PublicUrl = new Uri($"http://127.0.0.1:{gatewayPort}");
        Directory.CreateDirectory(MailFolder);

        var common = new Dictionary<string, string?>
        {
            ["Database:SeedDemoData"] = SeedDemoData ? "true" : "false",
            ["Site:PublicUrl"] = PublicUrl.ToString(),
        };
        Dictionary<string, string?> With(Dictionary<string, string?>? own = null)
        {
            var all = new Dictionary<string, string?>(common);
            foreach (var (key, value) in own ?? [])
            {
                all[key] = value;
            }
            foreach (var (key, value) in ServiceSettings)
            {
                all[key] = value;
            }
            return all;
        }

        var contentTask = TestService<ContentDbContext>.StartAsync("content", vhost, listen: true, settings: With());
        // The stack's patients service signs with a key of its own that booking and shop are not configured with: they
        // can only learn it from the JWKS endpoint, as a deployment does.
        Patients = await TestService<PatientsDbContext>.StartAsync("patients", vhost, listen: true, settings: With(new()
        {
            ["PatientAuth:SigningKeys:0:Id"] = "stack-" + Guid.NewGuid().ToString("N")[..8],
            ["PatientAuth:SigningKeys:0:PrivateKeyPem"] = CultureHealth.ServiceDefaults.Auth.EcdsaKeys.CreatePemPair().PrivateKeyPem,
        }));
        var shopTask = TestService<ShopDbContext>.StartAsync("shop", vhost, listen: true, settings: With(new()
        {
            ["Shop:WebhookSecret"] = "test-webhook-secret-of-at-least-32-characters",
            ["PatientAuth:JwksUrl"] = new Uri(Patients.Factory.BaseAddress, "/.well-known/jwks.json").ToString(),
        }));
        var bookingTask = TestService<BookingDbContext>.StartAsync("booking", vhost, listen: true, settings: With(new()
        {
            ["PatientAuth:JwksUrl"] = new Uri(Patients.Factory.BaseAddress, "/.well-known/jwks.json").ToString(),
        }), services: s => s.AddConsumeObserver(_ => BookingConsumed));
        var notificationsTask = TestService<NotificationsDbContext>.StartAsync("notifications", vhost, settings: With(new()
        {
            ["Notifications:Delivery"] = "Pickup",
            ["Notifications:PickupDirectory"] = MailFolder,
        }));
        await Task.WhenAll(contentTask, shopTask, bookingTask, notificationsTask);
        Content = contentTask.Result;
        Shop = shopTask.Result;
        Booking = bookingTask.Result;
        Notifications = notificationsTask.Result;
        Admin = await TestService<AdminDbContext>.StartAsync("admin", vhost, listen: true, settings: With(new()
        {
            ["Admin:Bootstrap:Email"] = AdminEmail,
            ["Admin:Bootstrap:Password"] = AdminPassword,
            ["Admin:Services:content"] = Content.Factory.BaseAddress.ToString(),
            ["Admin:Services:shop"] = Shop.Factory.BaseAddress.ToString(),
            ["Admin:Services:booking"] = Booking.Factory.BaseAddress.ToString(),
            // Many tests here sign in from one address; the limits have tests of their own.
            ["Admin:SignInPermitsPerMinute"] = "1000",
            ["Admin:SignInBackOff:AddressFreeFailures"] = "1000",
        }), services: s => s.AddConsumeObserver(_ => AdminConsumed));

        BackOffice = await TestService<BackOfficeDbContext>.StartAsync("backoffice", vhost, listen: true, settings: With(new()
        {
            ["BackOffice:AdminUrl"] = Admin.Factory.BaseAddress.ToString(),
            ["BackOffice:SessionKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        }));

        Storefront = new ServiceFactory<StorefrontOptions>(new Dictionary<string, string?>
        {
            ["Storefront:GatewayUrl"] = PublicUrl.ToString(),
            ["Storefront:DataProtectionKey"] = StorefrontKey,
            ["Site:PublicUrl"] = PublicUrl.ToString(),
            ["OTEL_SERVICE_NAME"] = "storefront",
            ["Logging:LogLevel:Default"] = "Warning",
        }, listen: true);
        Storefront.StartServer();

        var gateway = new Dictionary<string, string?>
        {
            ["ReverseProxy:Clusters:content:Destinations:primary:Address"] = Content.Factory.BaseAddress.ToString(),
            ["ReverseProxy:Clusters:shop:Destinations:primary:Address"] = Shop.Factory.BaseAddress.ToString(),
            ["ReverseProxy:Clusters:booking:Destinations:primary:Address"] = Booking.Factory.BaseAddress.ToString(),
            ["ReverseProxy:Clusters:admin:Destinations:primary:Address"] = Admin.Factory.BaseAddress.ToString(),
            ["ReverseProxy:Clusters:storefront:Destinations:primary:Address"] = Storefront.BaseAddress.ToString(),
            ["ReverseProxy:Clusters:patients:Destinations:primary:Address"] = Patients.Factory.BaseAddress.ToString(),
            ["ReverseProxy:Clusters:backoffice:Destinations:primary:Address"] = BackOffice.Factory.BaseAddress.ToString(),
            // The website forwards the visitor's address; here every process is on loopback.
            ["Gateway:TrustedNetworks:0"] = "127.0.0.1",
            ["OTEL_SERVICE_NAME"] = "gateway",
            ["Gateway:RateLimits:sign-in"] = "1000",
        };
        foreach (var (key, value) in GatewaySettings)
        {
            gateway[key] = value;
        }
        Gateway = new ServiceFactory<DownstreamHealth>(gateway, listen: true,
            services: s => s.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(Spans)), port: gatewayPort);
        Gateway.StartServer();
    }

    public HttpClient GatewayClient(string? bearer = null)
    {
        var client = Gateway.CreateHttpClient();
        if (bearer is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        }
        return client;
    }

    public virtual async Task DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Storefront.DisposeAsync();
        await BackOffice.DisposeAsync();
        await Admin.DisposeAsync();
        await Notifications.DisposeAsync();
        await Booking.DisposeAsync();
        await Shop.DisposeAsync();
        await Content.DisposeAsync();
        await Patients.DisposeAsync();
        try
        {
            Directory.Delete(MailFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still being written: the temp folder is cleaned by the system eventually.
        }
    }

    /// <summary>The emails notifications wrote to <paramref name="address"/> so far, oldest first.</summary>
    public IReadOnlyList<MimeKit.MimeMessage> MailTo(string address) =>
        !Directory.Exists(MailFolder)
            ? []
            : Directory.EnumerateFiles(MailFolder, "*.eml")
                .Select(f => (File: f, Message: MimeKit.MimeMessage.Load(f)))
                .Where(m => m.Message.To.Mailboxes.Any(a => string.Equals(a.Address, address, StringComparison.OrdinalIgnoreCase)))
                .OrderBy(m => File.GetLastWriteTimeUtc(m.File))
                .Select(m => m.Message)
                .ToList();
}
