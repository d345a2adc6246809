using System.Net;
using System.Net.Http.Json;
using CultureHealth.Booking.Application;
using CultureHealth.ServiceDefaults.Auth;
using CultureHealth.Testing;
using NodaTime;
using static CultureHealth.Booking.Tests.Api.BookingServiceFixture;

namespace CultureHealth.Booking.Tests.Api;

[Collection(BookingServiceCollection.Name)]
public sealed class CalendarFeedTests(BookingServiceFixture fixture)
{
    [Fact]
    public async Task The_feed_needs_the_current_key_and_lists_the_practitioners_bookings()
    {
        var diary = await fixture.ArrangeDiaryAsync();
        using var patient = fixture.Service.CreateClient();
        var booked = await fixture.BookAsync(patient, Request(diary, await SlotAfterAsync(patient, diary, Duration.FromDays(2))));
        using var admin = fixture.Service.CreateClient(TestStaff.TokenFor(StaffRoles.Admin));

        using var rotated = await admin.PostAsync($"/manage/booking/practitioners/{diary.PractitionerId}/calendar-key", null);
        var key = (await rotated.Content.ReadFromJsonAsync<CalendarKeyDto>(Json))!.Key;
        using var noKey = await patient.GetAsync($"/api/booking/practitioners/{diary.PractitionerId}/calendar.ics");
        using var wrongKey = await patient.GetAsync($"/api/booking/practitioners/{diary.PractitionerId}/calendar.ics?key=guess");
        using var feed = await patient.GetAsync($"/api/booking/practitioners/{diary.PractitionerId}/calendar.ics?key={key}");

        Assert.Equal(HttpStatusCode.NotFound, noKey.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wrongKey.StatusCode);
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType?.MediaType);
        var ics = await feed.Content.ReadAsStringAsync();
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.Contains($"UID:{booked.Booking.Id:D}@culturehealth", ics, StringComparison.Ordinal);
        Assert.Contains($"DTSTART;TZID=Europe/London:{booked.Booking.Start:yyyyMMdd'T'HHmmss}", ics, StringComparison.Ordinal);

        // Rotating the key cuts off the old subscription.
        using var again = await admin.PostAsync($"/manage/booking/practitioners/{diary.PractitionerId}/calendar-key", null);
        using var stale = await patient.GetAsync($"/api/booking/practitioners/{diary.PractitionerId}/calendar.ics?key={key}");
        Assert.Equal(HttpStatusCode.NotFound, stale.StatusCode);
    }
}
