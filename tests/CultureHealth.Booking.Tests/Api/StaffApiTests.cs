using System.Net;
using System.Net.Http.Json;
using CultureHealth.Booking.Application;
using CultureHealth.ServiceDefaults.Auth;
using CultureHealth.Testing;
using NodaTime;
using static CultureHealth.Booking.Tests.Api.BookingServiceFixture;

namespace CultureHealth.Booking.Tests.Api;

[Collection(BookingServiceCollection.Name)]
public sealed class StaffApiTests(BookingServiceFixture fixture)
{
    private static string PractitionerToken(Guid practitionerId) => TestStaff.TokenFor(new StaffIdentity(
        Guid.NewGuid(), "physio@test.culturehealth.local", "Physio", [StaffRoles.Practitioner], practitionerId));

    [Fact]
    public async Task Staff_routes_need_a_token_and_the_right_role()
    {
        var date = Today.PlusDays(1).ToString("yyyy-MM-dd", null);
        using var anonymous = fixture.Service.CreateClient();
        using var editor = fixture.Service.CreateClient(TestStaff.TokenFor(StaffRoles.Editor));
        using var reception = fixture.Service.CreateClient(TestStaff.TokenFor(StaffRoles.Reception));

        using var noToken = await anonymous.GetAsync($"/manage/booking/bookings?date={date}");
        using var wrongRole = await editor.GetAsync($"/manage/booking/bookings?date={date}");
        using var receptionTypes = await reception.PutAsJsonAsync($"/manage/booking/appointment-types/{Guid.NewGuid()}",
            new { code = "x-type", name = "X", durationMinutes = 30, pricePence = 100 });
        using var allowed = await reception.GetAsync($"/manage/booking/bookings?date={date}");

        Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrongRole.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, receptionTypes.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task A_practitioner_sees_and_runs_only_their_own_diary()
    {
        var mine = await fixture.ArrangeDiaryAsync();
        var theirs = await fixture.ArrangeDiaryAsync();
        using var patient = fixture.Service.CreateClient();
        var start = await SlotAfterAsync(patient, theirs, Duration.FromDays(2));
        var booked = await fixture.BookAsync(patient, Request(theirs, start));
        var date = start.ToString("yyyy-MM-dd", null);
        using var me = fixture.Service.CreateClient(PractitionerToken(mine.PractitionerId));

        using var otherDiary = await me.GetAsync($"/manage/booking/bookings?date={date}&practitionerId={theirs.PractitionerId}");
        using var otherSchedule = await me.PutAsJsonAsync($"/manage/booking/practitioners/{theirs.PractitionerId}/schedule", new { intervals = Array.Empty<object>() });
        using var otherCancel = await me.PostAsJsonAsync($"/manage/booking/bookings/{booked.Booking.Id}/cancel", new { });
        var ownDay = await me.GetFromJsonAsync<List<BookingDto>>($"/manage/booking/bookings?date={date}", Json);

        Assert.Equal(HttpStatusCode.Forbidden, otherDiary.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherSchedule.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherCancel.StatusCode);
        Assert.DoesNotContain(ownDay!, b => b.PractitionerId == theirs.PractitionerId);
    }

    [Fact]
    public async Task Reception_lists_the_day_and_can_cancel_late_bookings()
    {
        var diary = await fixture.ArrangeDiaryAsync();
        using var patient = fixture.Service.CreateClient();
        var start = await SlotAfterAsync(patient, diary, Duration.FromHours(3));
        var booked = await fixture.BookAsync(patient, Request(diary, start));
        using var reception = fixture.Service.CreateClient(TestStaff.TokenFor(StaffRoles.Reception));

        var day = await reception.GetFromJsonAsync<List<BookingDto>>(
            $"/manage/booking/bookings?date={start:yyyy-MM-dd}&practitionerId={diary.PractitionerId}", Json);
        using var early = await reception.PostAsync($"/manage/booking/bookings/{booked.Booking.Id}/no-show", null);
        using var cancel = await reception.PostAsJsonAsync($"/manage/booking/bookings/{booked.Booking.Id}/cancel", new { });

        Assert.Equal(booked.Booking.Id, Assert.Single(day!).Id);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal("cancelled", (await cancel.Content.ReadFromJsonAsync<BookingDto>(Json))!.Status);
    }

    [Fact]
    public async Task A_replaced_weekly_schedule_and_a_day_off_change_availability()
    {
        var diary = await fixture.ArrangeDiaryAsync(durationMinutes: 60, bufferAfterMinutes: 0);
        using var practitioner = fixture.Service.CreateClient(PractitionerToken(diary.PractitionerId));
        using var patient = fixture.Service.CreateClient();
        var day = Today.PlusDays(7);
        var intervals = Enumerable.Range(1, 7).Select(d => new { day = d.ToString(System.Globalization.CultureInfo.InvariantCulture), start = "09:00", end = "11:00" });

        using var put = await practitioner.PutAsJsonAsync($"/manage/booking/practitioners/{diary.PractitionerId}/schedule", new { intervals });
        var slots = await SlotsAsync(patient, diary, day, day);
        using var off = await practitioner.PutAsJsonAsync($"/manage/booking/practitioners/{diary.PractitionerId}/overrides/{day:yyyy-MM-dd}", new { intervals = Array.Empty<object>() });
        var afterOff = await SlotsAsync(patient, diary, day, day);
        using var overlapping = await practitioner.PutAsJsonAsync($"/manage/booking/practitioners/{diary.PractitionerId}/schedule",
            new { intervals = new[] { new { day = "monday", start = "09:00", end = "12:00" }, new { day = "monday", start = "11:00", end = "13:00" } } });

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(["09:00", "09:15", "09:30", "09:45", "10:00"], slots.Select(s => s.Start.ToString("HH:mm", null)));
        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        Assert.Empty(afterOff);
        Assert.Equal(HttpStatusCode.BadRequest, overlapping.StatusCode);
    }
}
