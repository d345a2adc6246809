// Outbox delivery latency: from the moment a service's transaction (state change + event) commits
// to the moment a consumer in another service has handled the event (inbox row + effect committed).
// Real PostgreSQL and RabbitMQ on loopback, the real booking and content services in this process.
//
//   dotnet run -c Release --project bench/OutboxLatency -- [events=1000] [writers=4] [rate=0]
// rate: commits per second in total, evenly paced (0: each writer commits again as soon as it can,
// which measures delivery while the writers keep this 2-core machine saturated).
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using CultureHealth.Booking.Data;
using CultureHealth.Booking.Domain;
using CultureHealth.Content.Data;
using CultureHealth.Contracts;
using CultureHealth.Messaging.Data;
using CultureHealth.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

var events = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
var writers = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 4;
var rate = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 0;

var handled = new ConcurrentDictionary<Guid, long>();
var broker = await RabbitMqServer.SharedAsync();
var vhost = await broker.CreateVirtualHostAsync("bench-" + Guid.NewGuid().ToString("N")[..8]);
var quiet = new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning", ["Outbox:PollInterval"] = "00:00:01" };
await using var content = await TestService<ContentDbContext>.StartAsync("content", vhost, settings: quiet,
    services: s => s.AddConsumeObserver(_ => new HandledAt(handled)));
await using var booking = await TestService<BookingDbContext>.StartAsync("booking", vhost, settings: quiet);

var committed = new ConcurrentDictionary<Guid, long>();
var published = new ConcurrentDictionary<Guid, long>();
booking.GetRequiredService<IBus>().ConnectPublishObserver(new PublishedAt(published));

// Each commit is a new practitioner in booking and its profile event, which content turns into an
// author row: independent changes, as a clinic's staff make them.
async Task CommitAsync(int i)
{
    await using var scope = booking.Factory.Services.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<BookingDbContext>();
    var now = DateTimeOffset.UtcNow;
    var p = new Practitioner { Id = Guid.NewGuid(), Name = $"Practitioner {i}", Title = "Physiotherapist", UpdatedAt = now };
    db.Practitioners.Add(p);
    var evt = new PractitionerProfileChanged(Guid.NewGuid(), now, p.Id, p.Name, p.Title, null, null, true);
    db.PublishOnCommit(evt, now);
    await db.SaveChangesAsync();
    committed[evt.EventId] = Stopwatch.GetTimestamp();
}

// Warm-up: JIT, connection pools, the broker's channels.
for (var i = 0; i < 50; i++)
{
    await CommitAsync(-i);
}
await Eventually.TrueAsync(() => Task.FromResult(handled.Count >= 50), TimeSpan.FromSeconds(60), "warm-up delivered");
committed.Clear();
handled.Clear();
published.Clear();

var started = Stopwatch.GetTimestamp();
var next = -1;
await Task.WhenAll(Enumerable.Range(0, writers).Select(async _ =>
{
    int i;
    while ((i = Interlocked.Increment(ref next)) < events)
    {
        if (rate > 0)
        {
            // Commit i is due i/rate seconds after the start: a steady arrival rate, not bursts.
            var due = TimeSpan.FromSeconds(i / rate) - Stopwatch.GetElapsedTime(started);
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due);
            }
        }
        await CommitAsync(i);
    }
}));
await Eventually.TrueAsync(() => Task.FromResult(committed.Keys.All(handled.ContainsKey)), TimeSpan.FromMinutes(2), "all events handled");
var elapsed = Stopwatch.GetElapsedTime(started);

double[] Sorted(Func<KeyValuePair<Guid, long>, double> ms) => [.. committed.Select(ms).Order()];
double P(double[] sorted, double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
var latencies = Sorted(c => Stopwatch.GetElapsedTime(c.Value, handled[c.Key]).TotalMilliseconds);
// Where the time goes: commit -> broker confirmed the publish (the relay), and confirmed -> handled
// (the broker's delivery and the consumer's inbox transaction).
var relayed = Sorted(c => Stopwatch.GetElapsedTime(c.Value, published.GetValueOrDefault(c.Key, handled[c.Key])).TotalMilliseconds);
var consumed = Sorted(c => Stopwatch.GetElapsedTime(published.GetValueOrDefault(c.Key, c.Value), handled[c.Key]).TotalMilliseconds);
var summary = string.Create(CultureInfo.InvariantCulture,
    $"events={latencies.Length} writers={writers} rate={(rate > 0 ? rate.ToString(CultureInfo.InvariantCulture) + "/s" : "max")} throughput={latencies.Length / elapsed.TotalSeconds:F0}/s p50={P(latencies, 0.50):F1}ms p95={P(latencies, 0.95):F1}ms p99={P(latencies, 0.99):F1}ms max={latencies[^1]:F1}ms " +
    $"relay_p50={P(relayed, 0.50):F1}ms relay_p95={P(relayed, 0.95):F1}ms consume_p50={P(consumed, 0.50):F1}ms consume_p95={P(consumed, 0.95):F1}ms");
Console.WriteLine(summary);
return 0;

/// <summary>Stamps the moment the content consumer finished with each event (its transaction committed).</summary>
internal sealed class HandledAt(ConcurrentDictionary<Guid, long> handled) : IConsumeObserver
{
    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (context.Message is IIntegrationEvent e)
        {
            handled.TryAdd(e.EventId, Stopwatch.GetTimestamp());
        }
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}

/// <summary>Stamps the moment the broker confirmed each event the relay published.</summary>
internal sealed class PublishedAt(ConcurrentDictionary<Guid, long> published) : IPublishObserver
{
    public Task PrePublish<T>(PublishContext<T> context) where T : class => Task.CompletedTask;

    public Task PostPublish<T>(PublishContext<T> context) where T : class
    {
        if (context.Message is IIntegrationEvent e)
        {
            published.TryAdd(e.EventId, Stopwatch.GetTimestamp());
        }
        return Task.CompletedTask;
    }

    public Task PublishFault<T>(PublishContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
