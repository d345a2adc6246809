using Xunit.Abstractions;

namespace CultureHealth.EndToEnd.Tests;

/// <summary>The pages every visitor sees first, on a desktop and on a phone: they render, pass axe, log no errors.</summary>
[Collection(SiteCollection.Name)]
public sealed class SitePagesTests(SiteStack site, ITestOutputHelper output)
{
    [Theory]
    [InlineData(Screen.Desktop)]
    [InlineData(Screen.Phone)]
    public async Task Home_page_shows_articles_products_booking_and_the_clinic(Screen screen)
    {
        await using var browse = await Browse.OpenAsync(site, screen, output);
        await browse.VisitAsync("/", "home");

        var page = browse.Page;
        Assert.Equal("Cultural Health Club", await page.TitleAsync());
        Assert.True(await page.GetByRole(Microsoft.Playwright.AriaRole.Heading, new() { Name = "Latest articles" }).IsVisibleAsync());
        Assert.True(await page.Locator("main a[href^='/articles/']").CountAsync() >= 1);
        Assert.True(await page.Locator("main a[href^='/shop/']").CountAsync() >= 1);
        Assert.Contains("EC1R 4QE", await page.Locator("main").InnerTextAsync());
        Assert.Equal("empty", await page.Locator("[data-mini-cart]").GetAttributeAsync("data-mini-cart"));
    }

    [Theory]
    [InlineData(Screen.Desktop)]
    [InlineData(Screen.Phone)]
    public async Task Missing_page_is_a_404_with_the_request_id_and_no_stack_trace(Screen screen)
    {
        await using var browse = await Browse.OpenAsync(site, screen, output);
        await browse.VisitAsync("/no/such/page", "not-found", status: 404);

        var text = await browse.Page.Locator("main").InnerTextAsync();
        Assert.Contains("Page not found", text);
        Assert.Matches("request id [0-9a-f]{32}", text);
        Assert.DoesNotContain("Exception", await browse.Page.ContentAsync());
    }

    [Fact]
    public async Task Privacy_notice_is_a_page()
    {
        await using var browse = await Browse.OpenAsync(site, output: output);
        await browse.VisitAsync("/privacy", "privacy");
        Assert.StartsWith("Privacy notice", await browse.Page.TitleAsync());
    }
}
