using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CultureHealth.BackOffice.Web;
using CultureHealth.Booking.Data;
using CultureHealth.Calendar;
using CultureHealth.Testing;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CultureHealth.BackOffice.Tests;

/// <summary>The diary at the HTTP level: booking a phone caller, outcomes, moves, own-diary-only, all through admin's audited path.</summary>
public sealed class DiaryTests(BackOfficeStack stack) : IClassFixture<BackOfficeStack>
{
    [Fact]
    public async Task Reception_books_a_phone_caller_from_the_websites_free_times_once_and_admin_audits_it_under_her_name()
    {
        var (email, password) = await stack.CreateStaffAsync("reception");
        using var browser = stack.Browser();
        (await browser.SignInAsync(email, password)).Dispose();
        var day = Wording.Iso(BackOfficeStack.NextWorkingDay());

        using (var find = await browser.GetAsync($"/admin/diary/book?type={BackOfficeStack.FollowUp}&date={day}"))
        {
            Assert.Equal(HttpStatusCode.OK, find.StatusCode);
        }
        var slot = StaffBrowser.InputValue(browser.LastPage, "Slot");
        Assert.NotNull(slot);
        var form = new Dictionary<string, string>
        {
            ["Type"] = BackOfficeStack.FollowUp.ToString(), ["Date"] = day, ["Practitioner"] = "",
            ["IdempotencyKey"] = StaffBrowser.InputValue(browser.LastPage, "IdempotencyKey")!,
            ["Slot"] = slot, ["PatientName"] = "Phone Caller", ["PatientEmail"] = "caller@example.com", ["PatientPhone"] = "07700 900123",
        };
        var bookPage = browser.LastPage;
        using var booked = await browser.PostFormAsync("/admin/diary/book", form);
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        var location = booked.Headers.Location!.OriginalString;
        Assert.Matches("^/admin/diary/bookings/[0-9a-f-]{36}\\?done=booked$", location);

        using (var page = await browser.GetAsync(location))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("Phone Caller", browser.LastPage, StringComparison.Ordinal);
            // A follow-up needs a treatment room: the booking holds the first free one, and the page says which.
            Assert.Matches("<dt>Room</dt><dd>Treatment room [1-3]</dd>", browser.LastPage);
            Assert.Contains(Notices.Text("booked")!, WebUtility.HtmlDecode(browser.LastPage), StringComparison.Ordinal);
        }

        // A second click on the same form (same idempotency key) is the same booking, not a second one.
        browser.LastPageOverride(bookPage);
        using var again = await browser.PostFormAsync("/admin/diary/book", form);
        Assert.Equal(location, again.Headers.Location?.OriginalString);
        await using var bookingDb = stack.Booking.OpenDb();
        Assert.Equal(1, await bookingDb.Bookings.CountAsync(b => b.PatientEmail == "caller@example.com"));

        var audit = await stack.AuditAsync(email);
        Assert.Contains(audit, a => a.Action == "POST /booking/bookings" && a.Status == 201);
    }

    [Fact]
    public async Task Reception_marks_a_no_show_once_the_appointment_has_begun()
    {
        var (email, password) = await stack.CreateStaffAsync("reception");
        var bookingId = await BookThroughAdminAsync("no.show@example.com");
        using var browser = stack.Browser();
        (await browser.SignInAsync(email, password)).Dispose();

        using (var before = await browser.GetAsync($"/admin/diary/bookings/{bookingId}"))
        {
            Assert.DoesNotContain(">No-show</button>", browser.LastPage, StringComparison.Ordinal);
        }
        await BookingTime.StartedHalfAnHourAgoAsync(stack.Booking, bookingId);
        (await browser.GetAsync($"/admin/diary/bookings/{bookingId}")).Dispose();
        Assert.Contains(">No-show</button>", browser.LastPage, StringComparison.Ordinal);
        using var marked = await browser.PostFormAsync($"/admin/diary/bookings/{bookingId}?handler=NoShow", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        (await browser.GetAsync(marked.Headers.Location!.OriginalString)).Dispose();
        Assert.Contains(Notices.Text("no-show")!, browser.LastPage, StringComparison.Ordinal);
        Assert.Contains("status--no-show", browser.LastPage, StringComparison.Ordinal);

        var audit = await stack.AuditAsync(email);
        Assert.Contains(audit, a => a.Action == $"POST /booking/bookings/{bookingId}/no-show" && a.Status == 200);
    }

    [Fact]
    public async Task Reception_moves_and_then_cancels_an_appointment_without_script()
    {
        var (email, password) = await stack.CreateStaffAsync("reception");
        var bookingId = await BookThroughAdminAsync("move.me@example.com");
        using var browser = stack.Browser();
        (await browser.SignInAsync(email, password)).Dispose();

        var nextDay = Wording.Iso(BackOfficeStack.NextWorkingDay(4));
        (await browser.GetAsync($"/admin/diary/bookings/{bookingId}/move?date={nextDay}")).Dispose();
        var start = StaffBrowser.InputValue(browser.LastPage, "Start");
        Assert.NotNull(start);
        using var moved = await browser.PostFormAsync($"/admin/diary/bookings/{bookingId}/move", new Dictionary<string, string> { ["Start"] = start });
        Assert.Equal($"/admin/diary/bookings/{bookingId}?done=moved", moved.Headers.Location?.OriginalString);
        await using (var db = stack.Booking.OpenDb())
        {
            var row = await db.Bookings.AsNoTracking().SingleAsync(b => b.Id == bookingId);
            Assert.Equal(DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds(), row.Start.ToUnixTimeSeconds());
        }

        (await browser.GetAsync($"/admin/diary/bookings/{bookingId}?step=cancel")).Dispose();
        Assert.Contains("Yes, cancel it", browser.LastPage, StringComparison.Ordinal);
        using var cancelled = await browser.PostFormAsync($"/admin/diary/bookings/{bookingId}?handler=Cancel", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        await using (var db = stack.Booking.OpenDb())
        {
            Assert.Equal("Cancelled", (await db.Bookings.AsNoTracking().SingleAsync(b => b.Id == bookingId)).Status.ToString());
        }
    }

    [Fact]
    public async Task A_practitioner_sees_only_their_own_diary_and_another_practitioners_address_answers_the_403_page()
    {
        var (email, password) = await stack.CreateStaffAsync("practitioner", BackOfficeStack.Amelia);
        using var browser = stack.Browser();
        (await browser.SignInAsync(email, password)).Dispose();

        using var diary = await browser.GetAsync("/admin/diary");
        Assert.Equal(HttpStatusCode.Redirect, diary.StatusCode);
        Assert.Contains($"practitioner={BackOfficeStack.Amelia}", diary.Headers.Location?.OriginalString, StringComparison.Ordinal);
        (await browser.GetAsync(diary.Headers.Location!.OriginalString)).Dispose();
        Assert.Contains("Amelia Hart", browser.LastPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Daniel Okoye", browser.LastPage, StringComparison.Ordinal);

        foreach (var other in new[] { $"/admin/diary?practitioner={BackOfficeStack.Daniel}", $"/admin/diary/{BackOfficeStack.Daniel}/hours" })
        {
            using var typed = await browser.GetAsync(other);
            Assert.Equal(HttpStatusCode.Forbidden, typed.StatusCode);
            Assert.Contains("This page is not for your role", browser.LastPage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_clinic_day_shows_every_practitioner_with_the_days_appointments_in_their_column()
    {
        var bookingId = await BookThroughAdminAsync("grid@example.com");
        await using var db = stack.Booking.OpenDb();
        var booking = await db.Bookings.AsNoTracking().SingleAsync(b => b.Id == bookingId);
        var day = Wording.Iso(booking.Start.InZone(CultureHealth.Calendar.ClinicTimeZone.Zone).Date);
        using var browser = stack.Browser();
        (await browser.SignInAsync(BackOfficeStack.AdminEmail, BackOfficeStack.AdminPassword)).Dispose();

        using var page = await browser.GetAsync($"/admin/diary?date={day}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        foreach (var name in new[] { "Amelia Hart", "Daniel Okoye", "Priya Raman" })
        {
            Assert.Contains(name, browser.LastPage, StringComparison.Ordinal);
        }
        Assert.Contains($"href=\"/admin/diary/bookings/{bookingId}\"", browser.LastPage, StringComparison.Ordinal);
        Assert.Contains("rowspan=\"3\"", browser.LastPage, StringComparison.Ordinal); // a 45-minute follow-up spans three 15-minute rows
    }

    private async Task<Guid> BookThroughAdminAsync(string patientEmail)
    {
        using var admin = stack.Admin.CreateClient(await stack.AdminTokenAsync());
        var day = BackOfficeStack.NextWorkingDay();
        var slots = await admin.GetFromJsonAsync<JsonElement>(
            $"/api/admin/booking/availability?appointmentTypeId={BackOfficeStack.FollowUp}&practitionerId={BackOfficeStack.Amelia}&from={Wording.Iso(day)}&to={Wording.Iso(day.PlusDays(6))}");
        var all = slots.GetProperty("practitioners")[0].GetProperty("slots").EnumerateArray().ToList();
        // Each test takes a different free time, so parallel tests in this class never race for one slot.
        var start = all[Random.Shared.Next(all.Count)].GetProperty("start").GetString();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/booking/bookings")
        {
            Content = JsonContent.Create(new
            {
                appointmentTypeId = BackOfficeStack.FollowUp, practitionerId = BackOfficeStack.Amelia, start,
                patient = new { name = "Diary Test", email = patientEmail, phone = (string?)null },
            }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var created = await admin.SendAsync(request);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("booking").GetProperty("id").GetGuid();
    }
}
