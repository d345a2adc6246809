using System.Collections.Concurrent;
using CultureHealth.Booking.Data;
using CultureHealth.Booking.Domain;
using CultureHealth.Content.Data;
using CultureHealth.Contracts;
using CultureHealth.Messaging.Data;
using CultureHealth.Messaging.Outbox;
using CultureHealth.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CultureHealth.Platform.Tests;

/// <summary>
/// How the relay shares one outbox: two booking replicas relay the same table, and a claimed batch
/// whose relay stopped is published when its lease ends. Content consumes, counting every delivery
/// (duplicates included: the inbox would hide them from the data, not from this counter).
/// </summary>
public sealed class OutboxRelayTests : IAsyncLifetime
{
    private TestService<BookingDbContext> _booking = null!;
    private TestService<BookingDbContext> _replica = null!;
    private TestService<ContentDbContext> _content = null!;
    private readonly ConcurrentDictionary<Guid, int> _deliveries = new();
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _handledAt = new();
    private readonly PublishLog _publishedByBooking;
    private readonly PublishLog _publishedByReplica;

    public OutboxRelayTests()
    {
        // Either relay may be first to poll and could drain the backlog alone before the other wakes, which
        // would prove nothing about sharing. So a relay that has published a batch waits (bounded) until the
        // other has published too: both are then relaying the same table at the same time.
        _publishedByBooking = new PublishLog(() => _publishedByReplica!.EventIds.Count > 0);
        _publishedByReplica = new PublishLog(() => _publishedByBooking.EventIds.Count > 0);
    }

    public async Task InitializeAsync()
    {
        var broker = await RabbitMqServer.SharedAsync();
        var vhost = await broker.CreateVirtualHostAsync("relay-" + Guid.NewGuid().ToString("N")[..8]);
        _content = await TestService<ContentDbContext>.StartAsync("content", vhost,
            services: s => s.AddConsumeObserver(_ => new DeliveryLog(_deliveries, _handledAt)));
        // Small batches, so neither relay can claim the whole backlog in one pass and both take part; a
        // publish timeout well above the turn a relay may wait in PrePublish, so waiting never fails a publish.
        var smallBatches = new Dictionary<string, string?> { ["Outbox:BatchSize"] = "5", ["Outbox:PublishTimeout"] = "00:00:30" };
        _booking = await TestService<BookingDbContext>.StartAsync("booking", vhost, settings: smallBatches);
        _replica = await TestService<BookingDbContext>.StartAsync("booking", vhost, settings: smallBatches, database: _booking.DatabaseConnectionString);
        _booking.GetRequiredService<IBus>().ConnectPublishObserver(_publishedByBooking);
        _replica.GetRequiredService<IBus>().ConnectPublishObserver(_publishedByReplica);
    }

    public async Task DisposeAsync()
    {
        await _replica.DisposeAsync();
        await _booking.DisposeAsync();
        await _content.DisposeAsync();
    }

    [Fact]
    public async Task Two_replicas_relaying_one_outbox_publish_each_event_once()
    {
        var events = await Task.WhenAll(Enumerable.Range(0, 120).Select(i => CommitProfileChangeAsync(i % 2 == 0 ? _booking : _replica, i)));

        await Eventually.TrueAsync(() => Task.FromResult(events.All(_deliveries.ContainsKey)), TimeSpan.FromSeconds(60),
            "every event reached content");
        await Eventually.TrueAsync(async () =>
        {
            await using var db = _booking.OpenDb();
            return !await db.Set<OutboxMessage>().AnyAsync(m => m.SentAt == null);
        }, TimeSpan.FromSeconds(30), "both relays marked every row sent");

        Assert.All(events, id => Assert.Equal(1, _deliveries[id]));
        // Each relay's own bus says what it published: both took part, between them exactly these events,
        // and no event went out from both.
        var byBooking = _publishedByBooking.EventIds;
        var byReplica = _publishedByReplica.EventIds;
        Assert.True(byBooking.Count > 0 && byReplica.Count > 0, $"one relay published everything: {byBooking.Count} and {byReplica.Count}");
        Assert.Empty(byBooking.Intersect(byReplica));
        Assert.Equal(events.Order(), byBooking.Concat(byReplica).Order());
    }

    [Fact]
    public async Task A_batch_claimed_by_a_relay_that_stopped_is_published_when_its_lease_ends()
    {
        // What a relay leaves behind if it dies after claiming: the row unsent, hidden until the lease ends.
        var leaseEnds = DateTimeOffset.UtcNow.AddSeconds(2);
        Guid eventId;
        await using (var db = _booking.OpenDb())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            eventId = AddProfileChange(db, 999);
            await db.SaveChangesAsync();
            await db.Database.ExecuteSqlAsync($"UPDATE outbox_messages SET next_attempt_at = {leaseEnds} WHERE id = {eventId}");
            await tx.CommitAsync();
        }

        await Eventually.TrueAsync(() => Task.FromResult(_handledAt.ContainsKey(eventId)), TimeSpan.FromSeconds(30),
            "the event was published after the lease");
        Assert.True(_handledAt[eventId] >= leaseEnds, $"handled at {_handledAt[eventId]:O}, before the lease ended at {leaseEnds:O}");
        Assert.Equal(1, _deliveries[eventId]);
    }

    private static async Task<Guid> CommitProfileChangeAsync(TestService<BookingDbContext> service, int i)
    {
        await using var db = service.OpenDb();
        var eventId = AddProfileChange(db, i);
        await db.SaveChangesAsync();
        return eventId;
    }

    private static Guid AddProfileChange(BookingDbContext db, int i)
    {
        var now = DateTimeOffset.UtcNow;
        var practitioner = new Practitioner { Id = Guid.NewGuid(), Name = $"Relay Test {i}", Title = "Physiotherapist", UpdatedAt = now };
        db.Practitioners.Add(practitioner);
        var evt = new PractitionerProfileChanged(Guid.NewGuid(), now, practitioner.Id, practitioner.Name, practitioner.Title, null, null, true);
        db.PublishOnCommit(evt, now);
        return evt.EventId;
    }

    private sealed class DeliveryLog(ConcurrentDictionary<Guid, int> deliveries, ConcurrentDictionary<Guid, DateTimeOffset> handledAt) : IConsumeObserver
    {
        public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

        public Task PostConsume<T>(ConsumeContext<T> context) where T : class
        {
            if (context.Message is PractitionerProfileChanged e)
            {
                handledAt.TryAdd(e.EventId, DateTimeOffset.UtcNow);
                deliveries.AddOrUpdate(e.EventId, 1, (_, n) => n + 1);
            }
            return Task.CompletedTask;
        }

        public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
    }

    /// <summary>
    /// What one replica's bus published (after the broker confirmed), by event id. After its first batch it
    /// holds its next publish until the other replica has published, for at most <see cref="TurnWait"/>.
    /// </summary>
    private sealed class PublishLog(Func<bool> otherHasPublished) : IPublishObserver
    {
        private const int FirstBatch = 5;
        private static readonly TimeSpan TurnWait = TimeSpan.FromSeconds(10);
        private readonly ConcurrentQueue<Guid> _eventIds = new();

        public IReadOnlyList<Guid> EventIds => [.. _eventIds];

        public async Task PrePublish<T>(PublishContext<T> context) where T : class
        {
            if (context.Message is not PractitionerProfileChanged || _eventIds.Count < FirstBatch)
            {
                return;
            }
            var deadline = DateTimeOffset.UtcNow + TurnWait;
            while (!otherHasPublished() && DateTimeOffset.UtcNow < deadline)
            {
                await Task.Delay(20);
            }
        }

        public Task PostPublish<T>(PublishContext<T> context) where T : class
        {
            if (context.Message is PractitionerProfileChanged e)
            {
                _eventIds.Enqueue(e.EventId);
            }
            return Task.CompletedTask;
        }

        public Task PublishFault<T>(PublishContext<T> context, Exception exception) where T : class => Task.CompletedTask;
    }
}
