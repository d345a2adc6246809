using CultureHealth.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CultureHealth.EndToEnd.Tests.Booking;

/// <summary>
/// Issue 13's booking journey, as a patient takes it in the browser: appointment → first available → a day and a time
/// → details and consent → "check your email" → the emailed confirm link → confirmed, with the .ics and the manage link;
/// then reschedule and cancel from the emailed manage link, with the emails that follow. Every page passes axe and logs
/// no console error, on a desktop and on a phone.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class BookingJourneyTests(SiteStack site, ITestOutputHelper output)
{
    [Theory]
    [InlineData(Screen.Desktop)]
    [InlineData(Screen.Phone)]
    public async Task A_patient_books_confirms_by_email_downloads_the_ics_reschedules_and_cancels(Screen screen)
    {
        var email = $"journey.{screen}.{Guid.NewGuid():N}@example.com".ToLowerInvariant();
        await using var browse = await Browse.OpenAsync(site, screen, output);
        var page = browse.Page;
        await BookingSteps.RunAsync(browse, "journey", async () =>
        {
            await BookingSteps.ToTimesAsync(browse, BookingSteps.InitialAssessment, "First available", "book");
            await browse.CheckAsync("book-times");
            var slot = await BookingSteps.PickNextWeeksFirstSlotAsync(browse, "book-times-day");

            // Details: the appointment chosen, in clinic time; consent is required before anything is sent.
            await browse.CheckAsync("book-details");
            var summary = await page.Locator(".appointment-summary").InnerTextAsync();
            Assert.Contains(slot.Day, summary);
            Assert.Contains($"{slot.Time} to", summary);
            Assert.Contains("£95.00", summary);
            await BookingSteps.FillDetailsAsync(page, "Sam Runner", email, consent: false);
            await page.GetByRole(AriaRole.Button, new() { Name = "Book appointment" }).ClickAsync();
            await Expect(page.Locator("#details-consent-error")).ToBeVisibleAsync();
            Assert.Equal("true", await page.GetByLabel("I agree to").GetAttributeAsync("aria-invalid"));
            Assert.Equal("Sam Runner", await page.GetByLabel("Full name").InputValueAsync());
            await browse.CheckAsync("book-details-errors");
            await page.GetByLabel("I agree to").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Book appointment" }).ClickAsync();

            // Pending: the page says where the link went and until when the time is held.
            await Expect(page.Locator("h1")).ToHaveTextAsync("Check your email to confirm");
            Assert.Contains(email, await page.Locator("main").InnerTextAsync());
            Assert.Matches(@"by \d{2}:\d{2}", await page.Locator(".next-step").InnerTextAsync());
            await browse.CheckAsync("book-check-email");

            // The emailed link: the booking and one button (a mail scanner opening the link confirms nothing).
            var request = await BookingMail.ReceivedAsync(site, email, "Please confirm your booking");
            var confirmLink = BookingMail.LinkTo(request, "/booking/confirm");
            var bookingId = BookingSteps.BookingId(confirmLink);
            var confirmPage = await browse.VisitAsync(confirmLink, "book-confirm");
            Assert.Equal("no-referrer", await confirmPage.HeaderValueAsync("referrer-policy"));
            Assert.Equal("pending", await StatusAsync(bookingId));
            await page.GetByRole(AriaRole.Button, new() { Name = "Confirm my booking" }).ClickAsync();
            await Expect(page.Locator("h1")).ToHaveTextAsync("You are booked");
            await browse.CheckAsync("book-confirmed");
            Assert.Equal("confirmed", await StatusAsync(bookingId));
            Assert.Equal("noindex", await page.Locator("meta[name=robots]").GetAttributeAsync("content"));

            // The .ics download: the same wall-clock time in Europe/London.
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Add to my calendar (.ics)" }).ClickAsync());
            var downloaded = await File.ReadAllTextAsync(await download.PathAsync());
            Assert.Equal(slot.LocalStart, BookingMail.StartInLondon(downloaded));
            Assert.Contains($"UID:{bookingId:D}@culturehealth", downloaded);

            // The confirmation email: its invitation says the same time; its manage link opens the booking.
            var confirmation = await BookingMail.ReceivedAsync(site, email, "Booking confirmed");
            Assert.Equal(slot.LocalStart, BookingMail.StartInLondon(BookingMail.Calendar(confirmation)));
            var manageLink = BookingMail.LinkTo(confirmation, "/bookings/");
            await browse.VisitAsync(manageLink, "book-manage");
            Assert.Contains("Confirmed", await page.Locator(".booking-status").InnerTextAsync());

            // Reschedule: the same availability, another day, one confirming button.
            await page.GetByRole(AriaRole.Link, new() { Name = "Change the time" }).ClickAsync();
            await Expect(page.Locator("h1")).ToHaveTextAsync("Change the time");
            await browse.CheckAsync("book-reschedule");
            var days = page.Locator("a.day");
            var other = 0;
            while ((await days.Nth(other).Locator(".visually-hidden").InnerTextAsync()).TrimStart(',', ' ') == slot.Day)
            {
                other++;
            }
            var newDay = (await days.Nth(other).Locator(".visually-hidden").InnerTextAsync()).TrimStart(',', ' ');
            await days.Nth(other).ClickAsync();
            await BookingSteps.SettledAsync(page);
            await Expect(page.Locator("#slots-title")).ToHaveTextAsync(newDay);
            var newTime = await page.Locator("a.slot .slot-time").Last.InnerTextAsync();
            await page.Locator("a.slot").Last.ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Move your appointment?" })).ToBeVisibleAsync();
            await browse.CheckAsync("book-reschedule-confirm");
            await page.GetByRole(AriaRole.Button, new() { Name = "Move my appointment" }).ClickAsync();
            await Expect(page.Locator(".notice-success")).ToContainTextAsync($"{newDay} at {newTime}");
            await browse.CheckAsync("book-rescheduled");
            var moved = await BookingMail.ReceivedAsync(site, email, "Appointment moved");
            Assert.Equal(new ShownSlot(newDay, newTime).LocalStart, BookingMail.StartInLondon(BookingMail.Calendar(moved)));

            // Cancel: one question, one button; the booking stays (as cancelled) and the email follows.
            await page.GetByRole(AriaRole.Link, new() { Name = "Cancel the booking" }).ClickAsync();
            await Expect(page.Locator("h1")).ToHaveTextAsync("Cancel this booking?");
            await browse.CheckAsync("book-cancel");
            await page.GetByRole(AriaRole.Button, new() { Name = "Yes, cancel it" }).ClickAsync();
            await Expect(page.Locator(".notice-success")).ToContainTextAsync("Your booking is cancelled");
            Assert.Contains("Cancelled", await page.Locator(".booking-status").InnerTextAsync());
            await browse.CheckAsync("book-cancelled");
            Assert.Equal("cancelled", await StatusAsync(bookingId));
            await BookingMail.ReceivedAsync(site, email, "Appointment cancelled");
        });
    }

    private async Task<string> StatusAsync(Guid bookingId)
    {
        await using var db = site.Booking.OpenDb();
        var booking = await db.Bookings.AsNoTracking().SingleAsync(b => b.Id == bookingId);
        return CultureHealth.Booking.Data.BookingStatusNames.ToText(booking.Status);
    }
}
