using CultureHealth.Admin.Data;
using CultureHealth.Booking.Data;
using CultureHealth.Content.Data;
using CultureHealth.Gateway;
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
        var bookingTask = TestService<BookingDbContext>.StartAsync("booking", vhost, listen: true,
            services: s => s.AddConsumeObserver(_ => BookingConsumed));
        await Task.WhenAll(contentTask, shopTask, bookingTask);
        Content = contentTask.Result;
        Shop = shopTask.Result;
        Booking = bookingTask.Result;
        Admin = await TestService<AdminDbContext>.StartAsync("admin", vhost, listen: true, settings: new Dictionary<string, string?>
        {
            ["Admin:Bootstrap:Email"] = AdminEmail,
            ["Admin:Bootstrap:Password"] = AdminPassword,
            ["Admin:Services:content"] = Content.Factory.BaseAddress.ToString(),
            ["Admin:Services:shop"] = Shop.Factory.BaseAddress.ToString(),
            ["Admin:Services:booking"] = Booking.Factory.BaseAddress.ToString(),
            // Many tests here sign in from one address; the limits have tests of their own.
            ["Admin:SignInPermitsPerMinute"] = "1000",
        }, services: s => s.AddConsumeObserver(_ => AdminConsumed));

        var gateway = new Dictionary<string, string?>
        {
            ["ReverseProxy:Clusters:content:Destinations:primary:Address"] = Content.Factory.BaseAddress.ToString(),
            ["ReverseProxy:Clusters:shop:Destinations:primary:Address"] = Shop.Factory.BaseAddress.ToString(),
            ["ReverseProxy:Clusters:booking:Destinations:primary:Address"] = Booking.Factory.BaseAddress.ToString(),
            ["ReverseProxy:Clusters:admin:Destinations:primary:Address"] = Admin.Factory.BaseAddress.ToString(),
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
    }
}
