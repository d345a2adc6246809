using CultureHealth.Admin.Data;
using CultureHealth.Booking.Data;
using CultureHealth.Content.Data;
using CultureHealth.Gateway;
using CultureHealth.Notifications.Data;
using CultureHealth.Patients.Data;
using CultureHealth.Shop.Data;
using CultureHealth.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace CultureHealth.Platform.Tests;

/// <summary>
/// Every service and the gateway, each on a real loopback port, sharing one RabbitMQ vhost, as the
/// run command starts them. The gateway's tracer also exports to <see cref="Spans"/> (the process's
/// activity sources are shared, so it sees every host's spans). The gateway is hosted by way of its
/// <see cref="DownstreamHealth"/> type: every service's top-level Program is public, so the name is ambiguous.
/// Notifications writes its emails as .eml files into <see cref="MailDirectory"/>; booking fetches the patients
/// service's public keys from its JWKS endpoint, as in a deployment.
/// </summary>
public sealed class WholeStack : IAsyncLifetime
{
    public const string AdminEmail = "first.admin@test.culturehealth.local";
    public const string AdminPassword = "correct horse battery staple";

    public SpanCollector Spans { get; } = new();
    public ConsumeCounter BookingConsumed { get; } = new();
    public ConsumeCounter AdminConsumed { get; } = new();
    public TestService<ContentDbContext> Content { get; private set; } = null!;
    public TestService<ShopDbContext> Shop { get; private set; } = null!;
    public TestService<BookingDbContext> Booking { get; private set; } = null!;
    public TestService<AdminDbContext> Admin { get; private set; } = null!;
    public TestService<PatientsDbContext> Patients { get; private set; } = null!;
    public TestService<NotificationsDbContext> Notifications { get; private set; } = null!;
    public string MailDirectory { get; } = Path.Combine(Path.GetTempPath(), "ch-stack-mail-" + Guid.NewGuid().ToString("N")[..8]);
    public ServiceFactory<DownstreamHealth> Gateway { get; private set; } = null!;

    /// <summary>Overrides for the gateway's settings (rate limits in tests that probe them).</summary>
    public Dictionary<string, string?> GatewaySettings { get; } = [];

    public async Task InitializeAsync()
    {
        var broker = await RabbitMqServer.SharedAsync();
        var vhost = await broker.CreateVirtualHostAsync("stack-" + Guid.NewGuid().ToString("N")[..8]);
        var contentTask = TestService<ContentDbContext>.StartAsync("content", vhost, listen: true);
        var shopTask = TestService<ShopDbContext>.StartAsync("shop", vhost, listen: true, settings: new Dictionary<string, string?>
        {
            ["Shop:WebhookSecret"] = "test-webhook-secret-of-at-least-32-characters",
        });
        // The stack's patients service signs with a key of its own that booking is not configured with: booking can
        // only learn it from the JWKS endpoint, as a deployment does.
        var patientsTask = TestService<PatientsDbContext>.StartAsync("patients", vhost, listen: true, settings: new Dictionary<string, string?>
        {
            ["PatientAuth:SigningKeys:0:Id"] = "stack-" + Guid.NewGuid().ToString("N")[..8],
            ["PatientAuth:SigningKeys:0:PrivateKeyPem"] = CultureHealth.ServiceDefaults.Auth.EcdsaKeys.CreatePemPair().PrivateKeyPem,
        });
        var notificationsTask = TestService<NotificationsDbContext>.StartAsync("notifications", vhost, settings: new Dictionary<string, string?>
        {
            ["Notifications:Delivery"] = "Pickup",
            ["Notifications:PickupDirectory"] = MailDirectory,
            ["Site:PublicUrl"] = "https://clinic.example",
        });
        await Task.WhenAll(contentTask, shopTask, patientsTask, notificationsTask);
        Patients = patientsTask.Result;
        Notifications = notificationsTask.Result;
        Booking = await TestService<BookingDbContext>.StartAsync("booking", vhost, listen: true, settings: new Dictionary<string, string?>
        {
            ["PatientAuth:JwksUrl"] = new Uri(Patients.Factory.BaseAddress, "/.well-known/jwks.json").ToString(),
        }, services: s => s.AddConsumeObserver(_ => BookingConsumed));
        Content = contentTask.Result;
        Shop = shopTask.Result;
        Admin = await TestService<AdminDbContext>.StartAsync("admin", vhost, listen: true, settings: new Dictionary<string, string?>
        {
            ["Admin:Bootstrap:Email"] = AdminEmail,
            ["Admin:Bootstrap:Password"] = AdminPassword,
            ["Admin:Services:content"] = Content.Factory.BaseAddress.ToString(),
            ["Admin:Services:shop"] = Shop.Factory.BaseAddress.ToString(),
            ["Admin:Services:booking"] = Booking.Factory.BaseAddress.ToString(),
            // Many tests here sign in from one address; the limits have tests of their own.
            ["Admin:SignInPermitsPerMinute"] = "1000",
            ["Admin:SignInBackOff:AddressFreeFailures"] = "1000",
        }, services: s => s.AddConsumeObserver(_ => AdminConsumed));

        var gateway = new Dictionary<string, string?>
        {
            ["ReverseProxy:Clusters:content:Destinations:primary:Address"] = Content.Factory.BaseAddress.ToString(),
            ["ReverseProxy:Clusters:shop:Destinations:primary:Address"] = Shop.Factory.BaseAddress.ToString(),
            ["ReverseProxy:Clusters:booking:Destinations:primary:Address"] = Booking.Factory.BaseAddress.ToString(),
            ["ReverseProxy:Clusters:admin:Destinations:primary:Address"] = Admin.Factory.BaseAddress.ToString(),
            ["ReverseProxy:Clusters:patients:Destinations:primary:Address"] = Patients.Factory.BaseAddress.ToString(),
            ["OTEL_SERVICE_NAME"] = "gateway",
            ["Gateway:RateLimits:sign-in"] = "1000",
        };
        foreach (var (key, value) in GatewaySettings)
        {
            gateway[key] = value;
        }
        Gateway = new ServiceFactory<DownstreamHealth>(gateway, listen: true,
            services: s => s.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(Spans)));
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

    public async Task DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Admin.DisposeAsync();
        await Booking.DisposeAsync();
        await Shop.DisposeAsync();
        await Content.DisposeAsync();
        await Patients.DisposeAsync();
        await Notifications.DisposeAsync();
        try { Directory.Delete(MailDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>The emails notifications wrote to <paramref name="address"/> so far, oldest first.</summary>
    public IReadOnlyList<MimeKit.MimeMessage> MailTo(string address) =>
        !Directory.Exists(MailDirectory)
            ? []
            : Directory.EnumerateFiles(MailDirectory, "*.eml")
                .Select(f => (File: f, Message: MimeKit.MimeMessage.Load(f)))
                .Where(m => m.Message.To.Mailboxes.Any(a => string.Equals(a.Address, address, StringComparison.OrdinalIgnoreCase)))
                .OrderBy(m => File.GetLastWriteTimeUtc(m.File))
                .Select(m => m.Message)
                .ToList();
}
