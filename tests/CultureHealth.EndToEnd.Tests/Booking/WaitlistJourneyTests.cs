using CultureHealth.Booking.Application;
using CultureHealth.Booking.Domain;
using CultureHealth.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NodaTime;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CultureHealth.EndToEnd.Tests.Booking;

/// <summary>
/// Issue 17's waitlist in the browser: from the times page to sign-in and the waitlist form, the entry on
/// /account/waitlist, the offer email when time comes free, its page, "Take this appointment", and the booking.
/// Every page passes axe.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class WaitlistJourneyTests(SiteStack site, ITestOutputHelper output)
{
    [Fact]
    public async Task A_patient_joins_the_waitlist_is_emailed_the_freed_time_and_takes_it()
    {
        var email = $"waitlist.{Guid.NewGuid():N}@example.com";
        await using var browse = await Browse.OpenAsync(site, Screen.Desktop, output);
        var page = browse.Page;
        await BookingSteps.RunAsync(browse, "waitlist", async () =>
        {
            await BookingSteps.ToTimesAsync(browse, BookingSteps.InitialAssessment, "First available", "waitlist");
            await page.GetByRole(AriaRole.Link, new() { Name = "No time that suits you? Join the waitlist" }).ClickAsync();

            // Joining needs a proven address: sign in, and come back to the form.
            await Expect(page.Locator("h1")).ToHaveTextAsync("Confirm your email address");
            await page.GetByLabel("Email address").FillAsync(email);
            await page.GetByRole(AriaRole.Button, new() { Name = "Email me a code" }).ClickAsync();
            var codeMail = await BookingMail.ReceivedAsync(site, email, "Your ");
            await page.GetByLabel("Code from the email").FillAsync(BookingMail.Code(codeMail));
            await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
            await Expect(page.Locator("h1")).ToHaveTextAsync("Join the waitlist");
            await browse.CheckAsync("waitlist-join");
            await page.GetByLabel("Name for the booking").FillAsync("Wendy Waiting");
            await page.GetByRole(AriaRole.Button, new() { Name = "Join the waitlist" }).ClickAsync();
            await Expect(page.Locator("h1")).ToHaveTextAsync("Your waitlist");
            Assert.Contains(BookingSteps.InitialAssessment, await page.Locator("main").InnerTextAsync());
            await browse.CheckAsync("waitlist-account");

            // Time comes free (the cancellation paths that record it have their own tests): the matcher offers it.
            await FreeTimeForWaitersAsync();
            var offerMail = await BookingMail.ReceivedAsync(site, email, "A time has come free");
            var offerLink = BookingMail.LinkTo(offerMail, "/booking/offer");
            var offerPage = await browse.VisitAsync(offerLink, "waitlist-offer");
            Assert.Equal("no-referrer", await offerPage.HeaderValueAsync("referrer-policy"));
            await page.GetByRole(AriaRole.Button, new() { Name = "Take this appointment" }).ClickAsync();
            await Expect(page.Locator("h1")).ToHaveTextAsync("You are booked");
            await browse.CheckAsync("waitlist-booked");

            await browse.VisitAsync("/account/waitlist", "waitlist-account-booked");
            Assert.Contains("Booked", await page.Locator("main").InnerTextAsync());
        });
    }

    /// <summary>Records daytime two to six days ahead as freed, as a cancellation's transaction would (some of those days are working days).</summary>
    private async Task FreeTimeForWaitersAsync()
    {
        await using var db = site.Booking.OpenDb();
        var now = SystemClock.Instance.GetCurrentInstant();
        var today = ClinicTimeZone.DateOf(now);
        var type = await db.AppointmentTypes.AsNoTracking().FirstAsync(t => t.Name == BookingSteps.InitialAssessment);
        var practitioners = await db.Offerings.Where(o => o.AppointmentTypeId == type.Id).Select(o => o.PractitionerId).ToListAsync();
        foreach (var (practitioner, day) in practitioners.SelectMany(p => Enumerable.Range(2, 5).Select(d => (p, today.PlusDays(d)))))
        {
            WaitlistHolds.RecordOpening(db, practitioner,
                new Interval(ClinicTimeZone.Resolve(day.At(new LocalTime(9, 0))).ToInstant(), ClinicTimeZone.Resolve(day.At(new LocalTime(18, 0))).ToInstant()), now);
        }

        await db.SaveChangesAsync();
    }
}
