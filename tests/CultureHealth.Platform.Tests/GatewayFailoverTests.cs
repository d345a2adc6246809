using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using CultureHealth.Booking.Data;
using CultureHealth.Gateway;
using CultureHealth.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CultureHealth.Platform.Tests;

/// <summary>Two booking replicas behind the gateway; one goes away while traffic flows.</summary>
public sealed class GatewayFailoverTests : IAsyncLifetime
{
    private const string ReplicaHeader = "X-Test-Replica";
    private TestService<BookingDbContext> _first = null!;
    private TestService<BookingDbContext> _second = null!;
    private ServiceFactory<DownstreamHealth> _gateway = null!;

    public async Task InitializeAsync()
    {
        var broker = await RabbitMqServer.SharedAsync();
        var vhost = await broker.CreateVirtualHostAsync("failover-" + Guid.NewGuid().ToString("N")[..8]);
        _first = await TestService<BookingDbContext>.StartAsync("booking", vhost, listen: true, services: NameReplica("first"));
        _second = await TestService<BookingDbContext>.StartAsync("booking", vhost, listen: true, database: _first.DatabaseConnectionString,
            services: NameReplica("second"));
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

    private sealed record Answer(TimeSpan SentAt, TimeSpan At, HttpStatusCode Status, string? Replica);

    [Fact]
    public async Task When_one_of_two_replicas_stops_mid_load_the_gateway_routes_around_it_within_seconds()
    {
        using var client = _gateway.CreateHttpClient();
        var answers = new ConcurrentQueue<Answer>();
        var clock = Stopwatch.StartNew();
        using var stopLoad = new CancellationTokenSource();

        async Task LoadAsync()
        {
            while (!stopLoad.IsCancellationRequested)
            {
                var sentAt = clock.Elapsed;
                try
                {
                    using var response = await client.GetAsync(new Uri("/api/booking/practitioners", UriKind.Relative));
                    var replica = response.Headers.TryGetValues(ReplicaHeader, out var names) ? names.Single() : null;
                    answers.Enqueue(new Answer(sentAt, clock.Elapsed, response.StatusCode, replica));
                }
                catch (HttpRequestException)
                {
                    answers.Enqueue(new Answer(sentAt, clock.Elapsed, HttpStatusCode.ServiceUnavailable, null));
                }
            }
        }

        // Load runs the whole time, four requests in flight at once, through the stop.
        var load = Enumerable.Range(0, 4).Select(_ => Task.Run(LoadAsync)).ToList();
        try
        {
            await Eventually.TrueAsync(() => answers.Count(a => a.Replica == "first") >= 10 && answers.Count(a => a.Replica == "second") >= 10,
                TimeSpan.FromSeconds(30), "both replicas served requests through the gateway");

            var stopping = clock.Elapsed;
            await _second.DisposeAsync();
            var stopped = clock.Elapsed;

            // Routed around: a long run of successes, all from the replica left, within a deadline.
            await Eventually.TrueAsync(() => answers.Where(a => a.SentAt > stopped).TakeLast(40) is var last
                    && last.Count() == 40 && last.All(a => a.Status == HttpStatusCode.OK && a.Replica == "first"),
                TimeSpan.FromSeconds(30), "forty requests in a row succeeded on the remaining replica");
            await stopLoad.CancelAsync();
            await Task.WhenAll(load);

            var all = answers.ToList();
            var before = all.Where(a => a.At < stopping).ToList();
            Assert.All(before, a => Assert.Equal(HttpStatusCode.OK, a.Status));
            Assert.Contains(before, a => a.Replica == "second");
            // Requests were in flight while the replica stopped, and some of those may fail. The bound is in time,
            // not in count (four workers retry as fast as failures come back, so a count measures the machine's
            // speed): none fails before the stop, and none sent after the gateway has had a few seconds (passive
            // health, then active checks) to notice.
            Assert.Contains(all, a => a.SentAt < stopped && a.At > stopping);
            var failed = all.Where(a => a.Status != HttpStatusCode.OK).ToList();
            Assert.All(failed, a => Assert.InRange(a.SentAt, stopping - TimeSpan.FromSeconds(1), stopped + TimeSpan.FromSeconds(10)));
            Assert.DoesNotContain(all, a => a.SentAt > stopped && a.Replica == "second");
        }
        finally
        {
            await stopLoad.CancelAsync();
            await Task.WhenAll(load);
        }
    }

    /// <summary>Each replica names itself on its responses, so the test sees who answered.</summary>
    private static Action<IServiceCollection> NameReplica(string name) =>
        services => services.AddSingleton<IStartupFilter>(new ReplicaNameFilter(name));

    private sealed class ReplicaNameFilter(string name) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Response.Headers[ReplicaHeader] = name;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
