using System.Net;
using System.Net.Http.Json;
using CultureHealth.Booking.Application;
using CultureHealth.Booking.Data;
using CultureHealth.Booking.Tests.Api;
using CultureHealth.Contracts;
using CultureHealth.Messaging.Data;
using CultureHealth.Testing;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using static CultureHealth.Booking.Tests.Waitlist.WaitlistSteps;

namespace CultureHealth.Booking.Tests.Waitlist;

/// <summary>Issue 17: freed slots go to waiting patients in join order, one offer per slot, held for them alone.</summary>
public sealed class WaitlistOfferTests(WaitlistBookingServiceFixture fixture) : IClassFixture<WaitlistBookingServiceFixture>
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Two_cancellations_and_three_waiters_at_once_give_the_first_two_waiters_one_slot_each_held_for_them_alone()
    {
        var diary = await BookingServiceFixture.ArrangeDiaryAsync(fixture.Service, durationMinutes: 60, bufferAfterMinutes: 0);
        var ten = await BookAsync(fixture.Service, diary, At(Day, 10));
        var eleven = await BookAsync(fixture.Service, diary, At(Day, 11));
        var waiters = new[] { NewEmail("first"), NewEmail("second"), NewEmail("third") };
        var entries = new List<WaitlistEntryDto>();
        foreach (var (email, i) in waiters.Select((e, i) => (e, i)))
        {
            entries.Add(await JoinAsync(i % 2 == 0 ? fixture.Service : fixture.Replica, email, JoinBody(diary, Day, "10:00", "11:00")));
        }

        using var one = fixture.Service.CreateClient();
        using var other = fixture.Replica.CreateClient();
        await Task.WhenAll(CancelAsync(one, ten), CancelAsync(other, eleven));

        var offers = await Eventually.GetAsync(() => OffersAsync(fixture.Service, diary.PractitionerId), o => o.Count >= 2, Within, "two offers");
        await Eventually.TrueAsync(() => NoOpeningsLeftAsync(fixture.Service, diary.PractitionerId), Within, "every opening worked");
        offers = await OffersAsync(fixture.Service, diary.PractitionerId);
        Assert.Equal(2, offers.Count);
        Assert.All(offers, o => Assert.Equal(WaitlistOfferStatuses.Live, o.Status));
        Assert.Equal(new[] { entries[0].Id, entries[1].Id }.Order(), offers.Select(o => o.EntryId).Order());
        Assert.Equal(new[] { At(Day, 10), At(Day, 11) }.Select(Instant.FromDateTimeOffset).Order(), offers.Select(o => o.Start).Order());

        // Held: not listed, not bookable by anyone else, not even by staff's path.
        var slots = await BookingServiceFixture.SlotsAsync(one, diary, Day, Day);
        Assert.DoesNotContain(slots, s => s.Start == At(Day, 10) || s.Start == At(Day, 11));
        using var rival = await BookingServiceFixture.PostBookingAsync(one, BookingServiceFixture.Request(diary, At(Day, 10), "rival@example.com"));
        Assert.Equal(HttpStatusCode.Conflict, rival.StatusCode);

        // The email's token is sealed; a wrong one opens nothing.
        var first = offers.Single(o => o.EntryId == entries[0].Id);
        var made = Assert.Single(await fixture.Service.OutboxEventsAsync<WaitlistOfferMade>(), e => e.OfferId == first.Id);
        Assert.Equal(waiters[0], made.PatientEmail);
        var token = await EmailedTokenAsync(fixture.Service, first.Id);
        Assert.DoesNotContain(token, made.SealedOfferToken, StringComparison.Ordinal);
        Assert.NotEqual(token, first.TokenHash);
        using var wrongView = await one.GetAsync(new Uri($"/api/booking/waitlist/offers/{first.Id}?token=wrong", UriKind.Relative));
        using var wrongTake = await TakeAsync(one, first.Id, SecretTokenLike());
        using var unknown = await TakeAsync(one, Guid.NewGuid(), token);
        Assert.Equal(HttpStatusCode.NotFound, wrongView.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wrongTake.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        // Taken by its link: a confirmed booking through the one creation path; a second click answers the same.
        var view = await one.GetFromJsonAsync<WaitlistOfferDto>($"/api/booking/waitlist/offers/{first.Id}?token={Uri.EscapeDataString(token)}", BookingServiceFixture.Json);
        Assert.Equal("live", view!.Status);
        using var taken = await TakeAsync(one, first.Id, token);
        using var again = await TakeAsync(other, first.Id, token);
        Assert.True(taken.StatusCode == HttpStatusCode.Created, await taken.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        var booking = (await taken.Content.ReadFromJsonAsync<BookingCreated>(BookingServiceFixture.Json))!;
        Assert.Equal("confirmed", booking.Booking.Status);
        Assert.Equal(first.Start.ToDateTimeOffset(), booking.Booking.Start.ToUniversalTime());
        Assert.Equal(waiters[0], booking.Booking.Patient.Email);
        Assert.NotNull(booking.ManageToken);
        Assert.Equal(booking.Booking.Id, (await again.Content.ReadFromJsonAsync<BookingCreated>(BookingServiceFixture.Json))!.Booking.Id);
        Assert.Single(await fixture.Service.OutboxEventsAsync<BookingConfirmed>(), e => e.BookingId == booking.Booking.Id);

        using var mine = fixture.Service.CreateClient(TestPatients.TokenFor(waiters[0]));
        var list = await mine.GetFromJsonAsync<List<WaitlistEntryDto>>("/api/booking/me/waitlist", BookingServiceFixture.Json);
        var entry = Assert.Single(list!);
        Assert.Equal("booked", entry.Status);
        Assert.Equal(booking.Booking.Id, entry.BookingId);
        Assert.Equal(WaitlistOfferStatuses.Taken, (await OffersAsync(fixture.Service, diary.PractitionerId)).Single(o => o.Id == first.Id).Status);
    }

    [Fact]
    public async Task A_hold_that_runs_out_moves_the_offer_to_the_next_waiter_and_the_late_link_is_refused()
    {
        var service = fixture.Lapsing;
        var diary = await BookingServiceFixture.ArrangeDiaryAsync(service, durationMinutes: 60, bufferAfterMinutes: 0);
        var ten = await BookAsync(service, diary, At(Day, 10));
        var first = await JoinAsync(service, NewEmail("slow"), JoinBody(diary, Day, "09:00", "12:00"));
        var second = await JoinAsync(service, NewEmail("next"), JoinBody(diary, Day, "09:00", "12:00"));
        using var client = service.CreateClient();

        await CancelAsync(client, ten);

        var offers = await Eventually.GetAsync(() => OffersAsync(service, diary.PractitionerId),
            o => o.Any(x => x.EntryId == second.Id), Within, "the second waiter is offered the slot");
        var lapsed = Assert.Single(offers, o => o.EntryId == first.Id);
        var passedOn = Assert.Single(offers, o => o.EntryId == second.Id);
        Assert.Equal(WaitlistOfferStatuses.Lapsed, lapsed.Status);
        Assert.Equal(lapsed.Start, passedOn.Start);
        Assert.Equal(At(Day, 10), lapsed.Start.ToDateTimeOffset().ToOffset(At(Day, 10).Offset));
        using var late = await TakeAsync(client, lapsed.Id, await EmailedTokenAsync(service, lapsed.Id));
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("offer-ended", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_waiter_who_booked_that_appointment_type_since_joining_is_passed_over()
    {
        var diary = await BookingServiceFixture.ArrangeDiaryAsync(fixture.Service, durationMinutes: 60, bufferAfterMinutes: 0);
        var ten = await BookAsync(fixture.Service, diary, At(Day, 10));
        var elsewhere = NewEmail("elsewhere");
        var booker = await JoinAsync(fixture.Service, elsewhere, JoinBody(diary, Day, "10:00", "10:00"));
        await BookAsync(fixture.Service, diary, At(Day.PlusDays(1), 15), elsewhere);
        var waiting = await JoinAsync(fixture.Replica, NewEmail("still-waiting"), JoinBody(diary, Day, "10:00", "10:00"));
        using var client = fixture.Service.CreateClient();

        await CancelAsync(client, ten);

        var offers = await Eventually.GetAsync(() => OffersAsync(fixture.Service, diary.PractitionerId), o => o.Count > 0, Within, "an offer");
        await Eventually.TrueAsync(() => NoOpeningsLeftAsync(fixture.Service, diary.PractitionerId), Within, "every opening worked");
        var offer = Assert.Single(await OffersAsync(fixture.Service, diary.PractitionerId));
        Assert.Equal(waiting.Id, offer.EntryId);
        Assert.NotEqual(booker.Id, offer.EntryId);
    }

    [Fact]
    public async Task Two_replicas_working_the_same_freed_time_at_once_never_offer_a_slot_twice()
    {
        var diary = await BookingServiceFixture.ArrangeDiaryAsync(fixture.Service, durationMinutes: 60, bufferAfterMinutes: 0);
        var bookings = new List<BookingCreated>();
        foreach (var hour in new[] { 10, 11, 12 })
        {
            bookings.Add(await BookAsync(fixture.Service, diary, At(Day, hour)));
        }

        var entries = new List<WaitlistEntryDto>();
        for (var i = 0; i < 5; i++)
        {
            entries.Add(await JoinAsync(fixture.Service, NewEmail($"replica-{i}"), JoinBody(diary, Day, "10:00", "12:00")));
        }

        // Every freed span recorded many times over, so both replicas' matchers work the same time side by side.
        using var one = fixture.Service.CreateClient();
        using var other = fixture.Replica.CreateClient();
        await using (var db = fixture.Service.OpenDb())
        {
            var now = SystemClock.Instance.GetCurrentInstant();
            for (var copy = 0; copy < 10; copy++)
            {
                foreach (var hour in new[] { 10, 11, 12 })
                {
                    WaitlistHolds.RecordOpening(db, diary.PractitionerId,
                        new Interval(Instant.FromDateTimeOffset(At(Day, hour)), Instant.FromDateTimeOffset(At(Day, hour + 1))), now);
                }
            }

            await Task.WhenAll(bookings.Select((b, i) => CancelAsync(i % 2 == 0 ? one : other, b)));
            await db.SaveChangesAsync();
        }

        await Eventually.TrueAsync(() => NoOpeningsLeftAsync(fixture.Service, diary.PractitionerId), Within, "every opening worked");
        var offers = await OffersAsync(fixture.Service, diary.PractitionerId);
        Assert.Equal(3, offers.Count);
        Assert.Equal(entries.Take(3).Select(e => e.Id).Order(), offers.Select(o => o.EntryId).Order());
        Assert.Equal(new[] { 10, 11, 12 }.Select(h => Instant.FromDateTimeOffset(At(Day, h))), offers.Select(o => o.Start).Order());
        Assert.All(offers, o => Assert.DoesNotContain(offers, x => x.Id != o.Id && x.Footprint.Start < o.Footprint.End && o.Footprint.Start < x.Footprint.End));
    }

    [Fact]
    public async Task The_database_refuses_two_live_offers_for_one_slot_or_for_one_entry()
    {
        var diary = await BookingServiceFixture.ArrangeDiaryAsync(fixture.Service, durationMinutes: 60, bufferAfterMinutes: 0);
        var a = await JoinAsync(fixture.Service, NewEmail("a"), JoinBody(diary, Day, "10:00", "12:00"));
        var b = await JoinAsync(fixture.Service, NewEmail("b"), JoinBody(diary, Day, "10:00", "12:00"));
        var ten = Instant.FromDateTimeOffset(At(Day, 10));

        var sameSlot = await Assert.ThrowsAsync<DbUpdateException>(() => InsertOffersAsync(
            Offer(a.Id, diary, ten), Offer(b.Id, diary, ten + Duration.FromMinutes(30))));
        var sameEntry = await Assert.ThrowsAsync<DbUpdateException>(() => InsertOffersAsync(
            Offer(a.Id, diary, ten), Offer(a.Id, diary, ten + Duration.FromHours(3))));

        Assert.True(PostgresErrors.IsExclusionViolation(sameSlot), sameSlot.ToString());
        Assert.True(PostgresErrors.IsUniqueViolation(sameEntry), sameEntry.ToString());
        // A closed offer holds nothing: a new live one may take its time.
        await InsertOffersAsync(Offer(a.Id, diary, ten), Offer(b.Id, diary, ten, WaitlistOfferStatuses.Lapsed));
    }

    private async Task InsertOffersAsync(params WaitlistOffer[] offers)
    {
        await using var db = fixture.Service.OpenDb();
        db.WaitlistOffers.AddRange(offers);
        await db.SaveChangesAsync();
    }

    private static WaitlistOffer Offer(Guid entryId, Diary diary, Instant start, string status = WaitlistOfferStatuses.Live) => new()
    {
        Id = Guid.NewGuid(), EntryId = entryId, PractitionerId = diary.PractitionerId, AppointmentTypeId = diary.TypeId,
        Start = start, End = start + Duration.FromHours(1), Footprint = new Interval(start, start + Duration.FromHours(1)),
        TokenHash = new string('a', 64), Status = status, OfferedAt = SystemClock.Instance.GetCurrentInstant(),
        ExpiresAt = SystemClock.Instance.GetCurrentInstant() + Duration.FromMinutes(30),
    };

    /// <summary>A well-formed token that is not the offer's.</summary>
    private static string SecretTokenLike() => CultureHealth.ServiceDefaults.Secrets.SecretToken.Generate().Value;
}
