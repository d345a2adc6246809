using System.Net;
using System.Net.Http.Json;
using CultureHealth.Booking.Data;
using CultureHealth.Content.Data;
using CultureHealth.Contracts;
using CultureHealth.Messaging.Outbox;
using CultureHealth.ServiceDefaults.Auth;
using CultureHealth.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CultureHealth.Platform.Tests;

/// <summary>
/// Booking publishes PractitionerProfileChanged through its outbox; content consumes it through its
/// inbox. The broker is a node of this test's own so it can be taken down.
/// </summary>
public sealed class OutboxAndInboxTests : IAsyncLifetime
{
    private RabbitMqServer _broker = null!;
    private TestService<BookingDbContext> _booking = null!;
    private TestService<ContentDbContext> _content = null!;
    private readonly ConsumeCounter _contentConsumed = new();

    public async Task InitializeAsync()
    {
        _broker = await RabbitMqServer.StartPrivateAsync();
        var vhost = await _broker.CreateVirtualHostAsync("outbox-" + Guid.NewGuid().ToString("N")[..8]);
        _content = await TestService<ContentDbContext>.StartAsync("content", vhost,
            services: s => s.AddConsumeObserver(_ => _contentConsumed));
        _booking = await TestService<BookingDbContext>.StartAsync("booking", vhost);
        await RecordAuthorWritesAsync();
    }

    public async Task DisposeAsync()
    {
        await _booking.DisposeAsync();
        await _content.DisposeAsync();
        await _broker.DisposeAsync();
    }

    [Fact]
    public async Task Event_committed_while_the_broker_is_down_is_delivered_once_when_it_returns()
    {
        var practitionerId = Guid.NewGuid();
        using var staff = _booking.CreateClient(TestStaff.TokenFor(StaffRoles.Admin));

        await _broker.StopAppAsync();

        using (var response = await staff.PutAsJsonAsync($"/manage/booking/practitioners/{practitionerId}",
            new { name = "Priya Shah", title = "Sports Rehabilitation Physiotherapist", specialisms = new[] { "sports rehab" } }))
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        // The change and its event committed together; the relay tries, fails and keeps the row.
        await Eventually.TrueAsync(async () =>
        {
            await using var db = _booking.OpenDb();
            return await db.Set<OutboxMessage>().AnyAsync(m => m.SentAt == null && m.Attempts > 0);
        }, TimeSpan.FromSeconds(30), "the relay attempted the publish while the broker was down");
        await using (var contentDb = _content.OpenDb())
        {
            Assert.False(await contentDb.Authors.AnyAsync(a => a.Id == practitionerId));
        }

        await _broker.StartAppAsync();

        var author = await Eventually.GetAsync(async () =>
        {
            await using var db = _content.OpenDb();
            return await db.Authors.AsNoTracking().FirstOrDefaultAsync(a => a.Id == practitionerId);
        }, a => a is not null, TimeSpan.FromSeconds(60), "the author arrived in content after the broker came back");
        Assert.Equal("Priya Shah", author!.Name);

        await using (var bookingDb = _booking.OpenDb())
        {
            var rows = await bookingDb.Set<OutboxMessage>().AsNoTracking().ToListAsync();
            var row = Assert.Single(rows);
            Assert.NotNull(row.SentAt);
        }
        var eventId = Assert.Single(await _booking.OutboxEventsAsync<PractitionerProfileChanged>()).EventId;
        await Eventually.TrueAsync(() => _contentConsumed.CompletedFor(eventId) >= 1, TimeSpan.FromSeconds(30), "content's consumer completed the delivery");
        // The inbox would hide a second delivery (a primary key caps its rows at one), so count what the consumer
        // finished, through a quiet period longer than the relay's retry back-off (Outbox:MaxRetryDelay is 1 s here).
        await Eventually.HoldsAsync(() => _contentConsumed.CompletedFor(eventId) == 1, TimeSpan.FromSeconds(4),
            $"the event was delivered exactly once (deliveries so far: {_contentConsumed.CompletedFor(eventId)})");
        Assert.Equal(0, _contentConsumed.Faulted<PractitionerProfileChanged>());
        Assert.Equal(1, await AuthorWritesAsync(practitionerId));
    }

    [Fact]
    public async Task The_same_event_delivered_twice_acts_once()
    {
        var practitionerId = Guid.NewGuid();
        var eventId = Guid.NewGuid();
        var first = new PractitionerProfileChanged(eventId, DateTimeOffset.UtcNow, practitionerId, "Tom Okafor", "Physiotherapist", "First copy", null, true);
        // A redelivered copy carries the same event id; a different payload would show if it acted again.
        var second = first with { Bio = "Second copy must be ignored", OccurredAt = first.OccurredAt.AddSeconds(1) };
        var bus = _booking.GetRequiredService<IBus>();
        var before = _contentConsumed.Completed<PractitionerProfileChanged>();

        await bus.Publish(first);
        await Eventually.TrueAsync(() => Task.FromResult(_contentConsumed.Completed<PractitionerProfileChanged>() >= before + 1),
            TimeSpan.FromSeconds(30), "the first copy was consumed");
        await bus.Publish(second);
        await Eventually.TrueAsync(() => Task.FromResult(_contentConsumed.Completed<PractitionerProfileChanged>() >= before + 2),
            TimeSpan.FromSeconds(30), "the second copy was consumed");

        await using var db = _content.OpenDb();
        var author = await db.Authors.AsNoTracking().SingleAsync(a => a.Id == practitionerId);
        Assert.Equal("First copy", author.Bio);
        Assert.Equal(1, await db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM inbox_messages WHERE message_id = {eventId}").SingleAsync());
        Assert.Equal(0, _contentConsumed.Faulted<PractitionerProfileChanged>());
    }

    [Fact]
    public async Task Eight_copies_of_one_event_with_different_payloads_at_once_act_once_without_faults()
    {
        var practitionerId = Guid.NewGuid();
        var eventId = Guid.NewGuid();
        // One event id, eight payloads: identical copies to an upsert would look the same acted once or
        // eight times, so each copy carries its own bio and the author table records every write.
        var copies = Enumerable.Range(1, 8)
            .Select(i => new PractitionerProfileChanged(eventId, DateTimeOffset.UtcNow, practitionerId, "Ana Silva", "Physiotherapist", $"Copy {i}", null, true))
            .ToList();
        var bus = _booking.GetRequiredService<IBus>();

        await Task.WhenAll(copies.Select(copy => bus.Publish(copy)));
        await Eventually.TrueAsync(() => _contentConsumed.CompletedFor(eventId) >= 8,
            TimeSpan.FromSeconds(30), "all eight copies were consumed");

        Assert.Equal(8, _contentConsumed.CompletedFor(eventId));
        Assert.Equal(0, _contentConsumed.Faulted<PractitionerProfileChanged>());
        await using var db = _content.OpenDb();
        var author = await db.Authors.AsNoTracking().SingleAsync(a => a.Id == practitionerId);
        Assert.Contains(author.Bio, copies.Select(c => c.Bio));
        var writes = await db.Database.SqlQuery<string>($"SELECT bio AS \"Value\" FROM test_author_writes WHERE author_id = {practitionerId}").ToListAsync();
        Assert.Equal(author.Bio, Assert.Single(writes));
        Assert.Equal(1, await db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM inbox_messages WHERE message_id = {eventId}").SingleAsync());
    }

    /// <summary>
    /// Every insert or update of an author row, recorded by a trigger this test adds to content's database:
    /// what the consumer acted on, where the table itself only shows the last write.
    /// </summary>
    private async Task<int> AuthorWritesAsync(Guid authorId)
    {
        await using var db = _content.OpenDb();
        return await db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM test_author_writes WHERE author_id = {authorId}").SingleAsync();
    }

    private async Task RecordAuthorWritesAsync()
    {
        await using var db = _content.OpenDb();
        await db.Database.ExecuteSqlRawAsync("""
            CREATE TABLE test_author_writes (author_id uuid NOT NULL, bio text);
            CREATE FUNCTION test_record_author_write() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO test_author_writes VALUES (NEW.id, NEW.bio);
                RETURN NEW;
            END $$;
            CREATE TRIGGER test_author_writes AFTER INSERT OR UPDATE ON authors
                FOR EACH ROW EXECUTE FUNCTION test_record_author_write();
            """);
    }
}
