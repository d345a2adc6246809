using System.Net;
using System.Net.Http.Json;
using CultureHealth.Booking.Application;
using CultureHealth.Booking.Data;
using CultureHealth.Booking.Tests.Api;
using CultureHealth.Testing;
using Microsoft.EntityFrameworkCore;
using static CultureHealth.Booking.Tests.Waitlist.WaitlistSteps;

namespace CultureHealth.Booking.Tests.Waitlist;

/// <summary>A live offer of a type that needs a room holds a room as well as its practitioner's time, by the one RoomPool rule.</summary>
public sealed class WaitlistRoomOfferTests(WaitlistBookingServiceFixture fixture) : IClassFixture<WaitlistBookingServiceFixture>
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_live_offer_holds_the_last_room_of_its_kind_against_another_practitioner_until_it_is_taken()
    {
        var setup = await RoomSetup.ArrangeAsync(fixture.Service, practitioners: 2, rooms: 1, durationMinutes: 60, bufferAfterMinutes: 0);
        var (a, b) = (setup.DiaryOf(0), setup.DiaryOf(1));
        var room = setup.RoomIds[0];
        var ten = At(Day, 10);
        var cancelled = await BookAsync(fixture.Service, a, ten);
        var waiter = NewEmail("room-waiter");
        var entry = await JoinAsync(fixture.Service, waiter, JoinBody(a, Day, "10:00", "10:00"));
        using var client = fixture.Service.CreateClient();
        using var other = fixture.Replica.CreateClient();

        await CancelAsync(client, cancelled);

        var offer = Assert.Single(await Eventually.GetAsync(
            () => OffersAsync(fixture.Service, a.PractitionerId, WaitlistOfferStatuses.Live), o => o.Count > 0, Within, "an offer of the freed slot"));
        Assert.Equal(entry.Id, offer.EntryId);
        Assert.Equal(ten, offer.Start.ToDateTimeOffset().ToOffset(ten.Offset));
        Assert.Equal(room, offer.RoomId);

        // While the offer is live the only room is held: B's 10:00 is not listed on either replica, and booking it is refused.
        Assert.DoesNotContain(ten, await RoomSetup.StartsAsync(client, b, Day));
        Assert.DoesNotContain(ten, await RoomSetup.StartsAsync(other, b, Day));
        using (var rival = await BookingServiceFixture.PostBookingAsync(other, BookingServiceFixture.Request(b, ten, NewEmail("rival"))))
        {
            Assert.True(rival.StatusCode == HttpStatusCode.Conflict, await rival.Content.ReadAsStringAsync());
        }

        Assert.Contains(At(Day, 11), await RoomSetup.StartsAsync(client, b, Day));

        using var taken = await TakeAsync(client, offer.Id, await EmailedTokenAsync(fixture.Service, offer.Id));
        Assert.True(taken.StatusCode == HttpStatusCode.Created, await taken.Content.ReadAsStringAsync());
        var booking = (await taken.Content.ReadFromJsonAsync<BookingCreated>(BookingServiceFixture.Json))!;
        Assert.Equal("confirmed", booking.Booking.Status);
        Assert.Equal(room, await RoomSetup.RoomOfAsync(fixture.Service, booking.Booking.Id));
        await using var db = fixture.Service.OpenDb();
        Assert.Equal(WaitlistOfferStatuses.Taken, await db.WaitlistOffers.Where(o => o.Id == offer.Id).Select(o => o.Status).SingleAsync());
        Assert.DoesNotContain(ten, await RoomSetup.StartsAsync(client, b, Day));
    }
}
