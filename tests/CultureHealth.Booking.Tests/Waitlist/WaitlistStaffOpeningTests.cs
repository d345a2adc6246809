using System.Net;
using System.Net.Http.Json;
using CultureHealth.Booking.Application;
using CultureHealth.Booking.Data;
using CultureHealth.Booking.Tests.Api;
using CultureHealth.ServiceDefaults.Auth;
using CultureHealth.Testing;
using NodaTime;
using static CultureHealth.Booking.Tests.Waitlist.WaitlistSteps;

namespace CultureHealth.Booking.Tests.Waitlist;

/// <summary>
/// Time that staff make workable reaches the waitlist like a cancellation does: wider hours, a removed clinic closure and
/// a reopened room record openings in the change's transaction; a change that makes nothing workable records none.
/// </summary>
public sealed class WaitlistStaffOpeningTests(WaitlistBookingServiceFixture fixture) : IClassFixture<WaitlistBookingServiceFixture>
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Wider_weekly_hours_offer_the_new_time_to_a_waiter_for_a_full_diary()
    {
        using var admin = Admin();
        var (diary, entry) = await BookedAtNineWithAWaiterAsync(fresh => PutWeeklyAsync(admin, fresh, ("09:00", "10:00")));
        Assert.Empty(await BookingServiceFixture.SlotsAsync(admin, diary, Day, Day));

        await PutWeeklyAsync(admin, diary, ("09:00", "12:00"));

        await AssertOfferedAsync(diary.PractitionerId, entry.Id, At(Day, 10));
    }

    [Fact]
    public async Task A_day_override_that_adds_hours_offers_them_to_a_waiter_for_a_full_diary()
    {
        using var admin = Admin();
        var (diary, entry) = await BookedAtNineWithAWaiterAsync(fresh => PutOverrideAsync(admin, fresh, Day, ("09:00", "10:00")));

        await PutOverrideAsync(admin, diary, Day, ("09:00", "10:00"), ("14:00", "15:00"));

        await AssertOfferedAsync(diary.PractitionerId, entry.Id, At(Day, 14));
    }

    [Fact]
    public async Task Hours_changed_without_adding_time_record_nothing_even_for_a_waiter_who_would_take_a_free_slot()
    {
        using var admin = Admin();
        var (diary, _) = await BookedAtNineWithAWaiterAsync(fresh => PutWeeklyAsync(admin, fresh, ("09:00", "12:00")));
        Assert.Contains(At(Day, 10), (await BookingServiceFixture.SlotsAsync(admin, diary, Day, Day)).Select(s => s.Start));

        // The same week again, and Day narrowed: 10:00 was free before and still is, but nothing became workable.
        await PutWeeklyAsync(admin, diary, ("09:00", "12:00"));
        await PutOverrideAsync(admin, diary, Day, ("09:00", "11:00"));
        using (var unchanged = await admin.DeleteAsync(OverrideUri(diary, Day.PlusDays(1))))
        {
            Assert.Equal(HttpStatusCode.NoContent, unchanged.StatusCode);
        }

        await AssertNothingRecordedAsync(diary.PractitionerId);
    }

    [Fact]
    public async Task A_removed_clinic_closure_offers_the_day_to_a_waiter_for_it()
    {
        var diary = await BookingServiceFixture.ArrangeDiaryAsync(fixture.Service, durationMinutes: 60, bufferAfterMinutes: 0);
        var day = BookingServiceFixture.Today.PlusDays(5);
        using var admin = Admin();
        await CloseClinicAsync(admin, day);
        var entry = await JoinAsync(fixture.Service, NewEmail("bank-holiday"), JoinBody(diary, day, "10:00", "10:00"));
        Assert.Empty(await BookingServiceFixture.SlotsAsync(admin, diary, day, day));

        using (var reopened = await admin.DeleteAsync(ClosureUri(day)))
        {
            Assert.Equal(HttpStatusCode.NoContent, reopened.StatusCode);
        }

        await AssertOfferedAsync(diary.PractitionerId, entry.Id, At(day, 10));
    }

    [Fact]
    public async Task A_closure_that_shut_nothing_records_nothing_when_removed()
    {
        var diary = await BookingServiceFixture.ArrangeDiaryAsync(fixture.Service, durationMinutes: 60, bufferAfterMinutes: 0);
        var (open, dayOff) = (BookingServiceFixture.Today.PlusDays(6), BookingServiceFixture.Today.PlusDays(7));
        using var admin = Admin();
        await JoinAsync(fixture.Service, NewEmail("open-day"), JoinBody(diary, open, "10:00", "10:00"));
        await PutOverrideAsync(admin, diary, dayOff);
        await CloseClinicAsync(admin, dayOff);

        // A day that was not closed (10:00 free all along), and a closed day this practitioner does not work.
        using var notClosed = await admin.DeleteAsync(ClosureUri(open));
        using var reopened = await admin.DeleteAsync(ClosureUri(dayOff));

        Assert.Equal(HttpStatusCode.NotFound, notClosed.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, reopened.StatusCode);
        await AssertNothingRecordedAsync(diary.PractitionerId);
    }

    [Fact]
    public async Task A_reopened_room_offers_its_day_to_a_waiter_for_a_type_that_needs_it()
    {
        var setup = await RoomSetup.ArrangeAsync(fixture.Service, practitioners: 1, rooms: 1, durationMinutes: 60, bufferAfterMinutes: 0);
        var diary = setup.DiaryOf(0);
        using var reception = Reception();
        using (var closed = await RoomSetup.CloseAsync(reception, setup.RoomIds[0], Day))
        {
            Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        }

        var entry = await JoinAsync(fixture.Service, NewEmail("room"), JoinBody(diary, Day, "10:00", "10:00"));
        Assert.Empty(await RoomSetup.StartsAsync(reception, diary, Day));

        using (var reopened = await reception.DeleteAsync(RoomClosureUri(setup.RoomIds[0], Day)))
        {
            Assert.Equal(HttpStatusCode.NoContent, reopened.StatusCode);
        }

        var offer = await AssertOfferedAsync(diary.PractitionerId, entry.Id, At(Day, 10));
        Assert.Equal(setup.RoomIds[0], offer.RoomId);
    }

    [Fact]
    public async Task A_reopened_room_records_nothing_for_a_practitioner_whose_types_need_no_room()
    {
        var setup = await RoomSetup.ArrangeAsync(fixture.Service, practitioners: 1, rooms: 1, durationMinutes: 60, bufferAfterMinutes: 0);
        var noRoom = await BookingServiceFixture.ArrangeDiaryAsync(fixture.Service, durationMinutes: 60, bufferAfterMinutes: 0);
        using var reception = Reception();
        await JoinAsync(fixture.Service, NewEmail("no-room"), JoinBody(noRoom, Day, "10:00", "10:00"));
        using (var closed = await RoomSetup.CloseAsync(reception, setup.RoomIds[0], Day))
        {
            Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        }

        using var reopened = await reception.DeleteAsync(RoomClosureUri(setup.RoomIds[0], Day));
        using var again = await reception.DeleteAsync(RoomClosureUri(setup.RoomIds[0], Day));

        Assert.Equal(HttpStatusCode.NoContent, reopened.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Contains(At(Day, 10), (await BookingServiceFixture.SlotsAsync(reception, noRoom, Day, Day)).Select(s => s.Start));
        await AssertNothingRecordedAsync(noRoom.PractitionerId);
    }

    /// <summary>A new diary with the given hours, its 09:00 on Day booked, and a waiter for Day from 09:00 to 17:00.</summary>
    private async Task<(Diary Diary, WaitlistEntryDto Entry)> BookedAtNineWithAWaiterAsync(Func<Diary, Task> hours)
    {
        var diary = await BookingServiceFixture.ArrangeDiaryAsync(fixture.Service, durationMinutes: 60, bufferAfterMinutes: 0);
        await hours(diary);
        await BookAsync(fixture.Service, diary, At(Day, 9));
        return (diary, await JoinAsync(fixture.Service, NewEmail("hours"), JoinBody(diary, Day, "09:00", "17:00")));
    }

    private HttpClient Admin() => fixture.Service.CreateClient(TestStaff.TokenFor(StaffRoles.Admin));

    private HttpClient Reception() => fixture.Service.CreateClient(TestStaff.TokenFor(StaffRoles.Reception));

    private static Uri OverrideUri(Diary diary, LocalDate date) =>
        new($"/manage/booking/practitioners/{diary.PractitionerId}/overrides/{date:yyyy-MM-dd}", UriKind.Relative);

    private static Uri ClosureUri(LocalDate date) => new($"/manage/booking/closures/{date:yyyy-MM-dd}", UriKind.Relative);

    private static Uri RoomClosureUri(Guid roomId, LocalDate date) => new($"/manage/booking/rooms/{roomId}/closures/{date:yyyy-MM-dd}", UriKind.Relative);

    private static async Task PutWeeklyAsync(HttpClient staff, Diary diary, params (string Start, string End)[] hours)
    {
        var intervals = Enumerable.Range(1, 7).SelectMany(d => hours.Select(h => new
        {
            day = d.ToString(System.Globalization.CultureInfo.InvariantCulture), start = h.Start, end = h.End,
        }));
        using var response = await staff.PutAsJsonAsync($"/manage/booking/practitioners/{diary.PractitionerId}/schedule", new { intervals });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private static async Task PutOverrideAsync(HttpClient staff, Diary diary, LocalDate date, params (string Start, string End)[] hours)
    {
        using var response = await staff.PutAsJsonAsync(OverrideUri(diary, date),
            new { intervals = hours.Select(h => new { start = h.Start, end = h.End }) });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private static async Task CloseClinicAsync(HttpClient admin, LocalDate date)
    {
        using var response = await admin.PutAsJsonAsync(ClosureUri(date), new { name = "Bank holiday" });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Waits for the practitioner's openings to be worked: exactly one live offer (one waiter), of that start to that entry.</summary>
    private async Task<WaitlistOffer> AssertOfferedAsync(Guid practitionerId, Guid entryId, DateTimeOffset start)
    {
        await Eventually.GetAsync(() => OffersAsync(fixture.Service, practitionerId), o => o.Count > 0, Within, "an offer of the new time");
        await Eventually.TrueAsync(() => NoOpeningsLeftAsync(fixture.Service, practitionerId), Within, "every opening worked");
        var offer = Assert.Single(await OffersAsync(fixture.Service, practitionerId));
        Assert.Equal(WaitlistOfferStatuses.Live, offer.Status);
        Assert.Equal(entryId, offer.EntryId);
        Assert.Equal(Instant.FromDateTimeOffset(start), offer.Start);
        return offer;
    }

    /// <summary>
    /// Openings are written in the change's own transaction and an offer in the same transaction that deletes its opening,
    /// so once the change has answered, no opening left and no offer means none was recorded (read in that order).
    /// </summary>
    private async Task AssertNothingRecordedAsync(Guid practitionerId)
    {
        Assert.True(await NoOpeningsLeftAsync(fixture.Service, practitionerId), "an opening was recorded");
        Assert.Empty(await OffersAsync(fixture.Service, practitionerId));
    }
}
