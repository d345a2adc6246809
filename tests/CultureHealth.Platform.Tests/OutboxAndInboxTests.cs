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
        await using (var contentDb = _content.OpenDb())
        {
            Assert.Equal(1, await contentDb.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM inbox_messages").SingleAsync());
        }
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
    public async Task Copies_delivered_at_the_same_time_act_once_without_faults()
    {
        var practitionerId = Guid.NewGuid();
        var copy = new PractitionerProfileChanged(Guid.NewGuid(), DateTimeOffset.UtcNow, practitionerId, "Ana Silva", "Physiotherapist", null, null, true);
        var bus = _booking.GetRequiredService<IBus>();
        var before = _contentConsumed.Completed<PractitionerProfileChanged>();

        // Several copies in flight at once: they race on the inbox key, and only one may act.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => bus.Publish(copy)));
        await Eventually.TrueAsync(() => Task.FromResult(_contentConsumed.Completed<PractitionerProfileChanged>() >= before + 8),
            TimeSpan.FromSeconds(30), "all eight copies were consumed");

        await using var db = _content.OpenDb();
        Assert.Equal(1, await db.Authors.CountAsync(a => a.Id == practitionerId));
        Assert.Equal(1, await db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM inbox_messages WHERE message_id = {copy.EventId}").SingleAsync());
        Assert.Equal(0, _contentConsumed.Faulted<PractitionerProfileChanged>());
    }
}
