using CultureHealth.EndToEnd.Tests.Booking;
using static Microsoft.Playwright.Assertions;

namespace CultureHealth.EndToEnd.Tests.Account;

/// <summary>A patient signing in as one does on the site: their address, then the code from the email.</summary>
public static class PatientSignIn
{
    /// <summary>On the sign-in page: the address, then the code from the email, read as the patient reads it.</summary>
    public static async Task SignInAsync(SiteStack site, Browse browse, string email, string screenshotPrefix)
    {
        var page = browse.Page;
        await Expect(page.Locator("h1")).ToHaveTextAsync("Sign in to your account");
        await browse.CheckAsync(screenshotPrefix);
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Email me a code" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Check your email");
        var code = BookingMail.Code(await BookingMail.ReceivedAsync(site, email, "Your "));
        await page.GetByLabel("Code from the email").FillAsync(code);
        await browse.CheckAsync(screenshotPrefix + "-code");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
    }
}
