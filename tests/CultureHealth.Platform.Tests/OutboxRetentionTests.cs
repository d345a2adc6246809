using System.Net;
using System.Net.Http.Json;
using CultureHealth.Booking.Data;
using CultureHealth.Content.Data;
using CultureHealth.Messaging.Outbox;
using CultureHealth.ServiceDefaults.Auth;
using CultureHealth.Testing;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Platform.Tests;

/// <summary>Sent events do not linger in the outbox; unsent ones are never removed.</summary>
public sealed class OutboxRetentionTests : IAsyncLifetime
{
    private TestService<BookingDbContext> _booking = null!;
    private TestService<ContentDbContext> _content = null!;

    public async Task InitializeAsync()
    {
        var broker = await RabbitMqServer.SharedAsync();
        var vhost = await broker.CreateVirtualHostAsync("retention-" + Guid.NewGuid().ToString("N")[..8]);
        _content = await TestService<ContentDbContext>.StartAsync("content", vhost);
        _booking = await TestService<BookingDbContext>.StartAsync("booking", vhost, settings: new Dictionary<string, string?>
        {
            ["Outbox:SentRetention"] = "00:00:00.500",
            ["Outbox:CleanupInterval"] = "00:00:00.200",
        });
    }

    public async Task DisposeAsync()
    {
        await _booking.DisposeAsync();
        await _content.DisposeAsync();
    }

    [Fact]
    public async Task A_sent_event_is_deleted_after_its_retention_and_an_unsent_one_stays()
    {
        var practitionerId = Guid.NewGuid();
        using var staff = _booking.CreateClient(TestStaff.TokenFor(StaffRoles.Admin));
        using (var response = await staff.PutAsJsonAsync($"/manage/booking/practitioners/{practitionerId}", new { name = "Lee Park", title = "Physiotherapist" }))
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
        // An unsent row that is not yet due (as after failed attempts) must survive any cleanup.
        await using (var db = _booking.OpenDb())
        {
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO outbox_messages (id, message_type, payload, created_at, next_attempt_at, attempts) VALUES ({0}, 'x', '{{}}', now() - interval '1 day', now() + interval '1 day', 3)",
                Guid.NewGuid());
        }

        await Eventually.TrueAsync(async () =>
        {
            await using var content = _content.OpenDb();
            return await content.Authors.AnyAsync(a => a.Id == practitionerId);
        }, TimeSpan.FromSeconds(30), "the event was delivered");
        await Eventually.TrueAsync(async () =>
        {
            await using var db = _booking.OpenDb();
            return !await db.Set<OutboxMessage>().AnyAsync(m => m.SentAt != null);
        }, TimeSpan.FromSeconds(30), "the sent row was deleted");

        await using var after = _booking.OpenDb();
        Assert.Equal(1, await after.Set<OutboxMessage>().CountAsync(m => m.SentAt == null));
    }
}
