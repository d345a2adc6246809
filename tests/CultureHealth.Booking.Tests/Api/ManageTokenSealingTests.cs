using CultureHealth.Contracts;
using CultureHealth.Messaging.Outbox;
using CultureHealth.Testing;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using static CultureHealth.Booking.Tests.Api.BookingServiceFixture;

namespace CultureHealth.Booking.Tests.Api;

/// <summary>The manage token travels to notifications sealed: the outbox row (and so the broker) never holds it in clear.</summary>
[Collection(BookingServiceCollection.Name)]
public sealed class ManageTokenSealingTests(BookingServiceFixture fixture)
{
    [Fact]
    public async Task BookingConfirmed_carries_the_manage_token_sealed_and_no_outbox_row_holds_it_in_clear()
    {
        var diary = await fixture.ArrangeDiaryAsync();
        using var client = fixture.Service.CreateClient();
        var created = await BookAsync(client, Request(diary, await SlotAfterAsync(client, diary, Duration.FromDays(2))));

        await using var db = fixture.Service.OpenDb();
        var payloads = await db.Set<OutboxMessage>().AsNoTracking().Select(m => m.Payload).ToListAsync();
        Assert.All(payloads, p => Assert.DoesNotContain(created.ManageToken, p, StringComparison.Ordinal));

        var confirmed = Assert.Single(await fixture.Service.OutboxEventsAsync<BookingConfirmed>(), e => e.BookingId == created.Booking.Id);
        Assert.NotEqual(created.ManageToken, confirmed.ManageToken);
        Assert.Equal(created.ManageToken, TestSecrets.Events.Open(confirmed.ManageToken));
    }
}
