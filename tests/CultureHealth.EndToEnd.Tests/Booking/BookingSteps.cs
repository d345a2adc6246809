using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CultureHealth.EndToEnd.Tests.Booking;

/// <summary>A slot as the times page showed it: its day heading ("Monday 7 December 2026") and wall-clock time ("09:00").</summary>
public sealed record ShownSlot(string Day, string Time)
{
    public DateTime LocalStart => DateTime.ParseExact($"{Day} {Time}", "dddd d MMMM yyyy HH:mm", CultureInfo.GetCultureInfo("en-GB"));
}

/// <summary>The booking journey's steps as a patient takes them in the browser (clicks, or links without JavaScript).</summary>
public static partial class BookingSteps
{
    public const string InitialAssessment = "Initial assessment";

    /// <summary>/book → the appointment → a practitioner (or first available): the times page.</summary>
    public static async Task ToTimesAsync(Browse browse, string appointment, string who, string screenshotPrefix)
    {
        await browse.VisitAsync("/book", screenshotPrefix + "-start");
        await browse.Page.Locator("a.choice", new() { HasText = appointment }).First.ClickAsync();
        await Expect(browse.Page.Locator("h1")).ToHaveTextAsync("Who would you like to see?");
        await browse.CheckAsync(screenshotPrefix + "-practitioner");
        await browse.Page.Locator("a.choice", new() { HasText = who }).First.ClickAsync();
        await Expect(browse.Page.Locator("h1")).ToHaveTextAsync("Choose a date and time");
    }

    /// <summary>Moves to the next week (so the free-cancellation window is open) and picks its first free day and first time.</summary>
    public static async Task<ShownSlot> PickNextWeeksFirstSlotAsync(Browse browse, string screenshotName, int dayIndex = 0)
    {
        var page = browse.Page;
        var week = await page.Locator("#week-title").InnerTextAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Later week" }).ClickAsync();
        await Expect(page.Locator("#week-title")).Not.ToHaveTextAsync(week);
        await SettledAsync(page);
        return await PickDayAndSlotAsync(browse, screenshotName, dayIndex);
    }

    public static async Task<ShownSlot> PickDayAndSlotAsync(Browse browse, string screenshotName, int dayIndex = 0)
    {
        var page = browse.Page;
        var day = page.Locator("a.day").Nth(dayIndex);
        var dayName = (await day.Locator(".visually-hidden").InnerTextAsync()).TrimStart(',', ' ');
        await day.ClickAsync();
        await SettledAsync(page);
        await Expect(page.Locator("#slots-title")).ToHaveTextAsync(dayName);
        await Expect(page.Locator("a.day[aria-current=true] .visually-hidden")).ToHaveTextAsync(", " + dayName);
        await browse.CheckAsync(screenshotName);
        var slot = page.Locator("a.slot").First;
        var time = await slot.Locator(".slot-time").InnerTextAsync();
        await slot.ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Your details");
        return new ShownSlot(dayName, time);
    }

    /// <summary>Runs a journey; if it fails, the page as it was is saved as failed-&lt;name&gt; before the failure is reported.</summary>
    public static async Task RunAsync(Browse browse, string name, Func<Task> journey)
    {
        try
        {
            await journey();
        }
        catch
        {
            await browse.ScreenshotAsync("failed-" + name);
            throw;
        }
    }

    /// <summary>slot-picker.js has swapped the panel in (with JavaScript off there is nothing to wait for).</summary>
    public static Task SettledAsync(IPage page) => Expect(page.Locator("[data-slot-picker][aria-busy=true]")).ToHaveCountAsync(0);

    public static async Task FillDetailsAsync(IPage page, string name, string? email, bool consent = true)
    {
        await page.GetByLabel("Full name").FillAsync(name);
        if (email is not null)
        {
            await page.GetByLabel("Email address").FillAsync(email);
        }
        await page.GetByLabel("Phone number").FillAsync("07700 900123");
        await page.GetByLabel("Anything we should know?").FillAsync("Sore lower back after long runs.");
        if (consent)
        {
            await page.GetByLabel("I agree to").CheckAsync();
        }
    }

    /// <summary>The booking's id in a link such as /booking/confirm?booking={id}&amp;token=… or /bookings/{id}?token=….</summary>
    public static Guid BookingId(string link) => Guid.Parse(IdInLink().Match(link).Value);

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex IdInLink();
}
