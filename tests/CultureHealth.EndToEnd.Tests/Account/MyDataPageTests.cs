using System.Text.Json;
using CultureHealth.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CultureHealth.EndToEnd.Tests.Account;

/// <summary>
/// "Your data" in the browser: a signed-in patient downloads one JSON file of their data, then asks for erasure
/// through the confirmation step; the page says it is under way, forgets the sign-in, and the outcome is emailed.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class MyDataPageTests(SiteStack site, ITestOutputHelper output)
{
    [Fact]
    public async Task A_patient_downloads_their_data_and_erases_it_after_confirming()
    {
        var email = $"mydata.{Guid.NewGuid():N}@example.com";
        await using var browse = await Browse.OpenAsync(site, Screen.Desktop, output);
        await browse.Context.AddCookiesAsync([new Cookie
        {
            Name = "ch-patient", Value = TestPatients.TokenFor(email), Url = site.PublicUrl.ToString(), HttpOnly = true, SameSite = SameSiteAttribute.Lax,
        }]);
        await browse.VisitAsync("/account/data", "account-data");
        var page = browse.Page;
        Assert.Equal("Your data", await page.Locator("h1").InnerTextAsync());

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download my data" }).ClickAsync());
        Assert.Equal("culturehealth-my-data.json", download.SuggestedFilename);
        var file = await download.PathAsync();
        using (var document = JsonDocument.Parse(await File.ReadAllTextAsync(file)))
        {
            Assert.Equal(email, document.RootElement.GetProperty("email").GetString());
            Assert.Equal(JsonValueKind.Object, document.RootElement.GetProperty("services").GetProperty("booking").ValueKind);
        }

        // The first click only asks; nothing is erased until the second.
        await page.GetByRole(AriaRole.Button, new() { Name = "Erase my data" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Yes, erase my data" })).ToBeVisibleAsync();
        await browse.CheckAsync("account-data-confirm");
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, erase my data" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("We are erasing your data");
        await browse.CheckAsync("account-data-erasing");
        Assert.DoesNotContain(await browse.Context.CookiesAsync(), c => c.Name == "ch-patient");

        await Eventually.TrueAsync(() => site.MailTo(email).Any(m => m.Subject?.StartsWith("Your data has been erased", StringComparison.Ordinal) == true),
            TimeSpan.FromSeconds(90), "the outcome email");
    }
}
