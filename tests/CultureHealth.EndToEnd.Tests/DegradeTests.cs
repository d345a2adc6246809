using Xunit.Abstractions;

namespace CultureHealth.EndToEnd.Tests;

/// <summary>
/// A service that is down takes only its part of a page with it. A second gateway and website run beside the
/// stack's, with the shop (or content) pointing at a port where nothing listens, as when the service is stopped.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class DegradeTests(SiteStack site, ITestOutputHelper output)
{
    [Theory]
    [InlineData(Screen.Desktop)]
    [InlineData(Screen.Phone)]
    public async Task With_the_shop_stopped_articles_render_and_the_mini_cart_says_the_shop_is_unavailable(Screen screen)
    {
        await using var degraded = await DegradedSiteAsync("shop");
        await using var browse = await Browse.OpenAsync(site, screen, output, origin: degraded.PublicUrl);

        await browse.VisitAsync("/articles/how-running-injuries-can-trigger-lower-back-pain", "degraded-shop-article");
        Assert.Equal("How Running Injuries Can Trigger Lower Back Pain", await browse.Page.Locator("h1").InnerTextAsync());
        Assert.Equal("unavailable", await browse.Page.Locator("[data-mini-cart]").GetAttributeAsync("data-mini-cart"));
        Assert.Contains("The shop is unavailable right now", await browse.Page.Locator("[data-mini-cart]").TextContentAsync());

        await browse.VisitAsync("/", "degraded-shop-home");
        Assert.Contains("The shop is unavailable right now", await browse.Page.Locator("main").InnerTextAsync());
        Assert.True(await browse.Page.Locator("main a[href^='/articles/']").CountAsync() >= 1);
    }

    [Fact]
    public async Task With_content_stopped_the_article_page_says_so_with_a_503_and_the_home_page_still_renders()
    {
        await using var degraded = await DegradedSiteAsync("content");
        await using var browse = await Browse.OpenAsync(site, output: output, origin: degraded.PublicUrl);

        await browse.VisitAsync("/articles/how-running-injuries-can-trigger-lower-back-pain", "degraded-content-article", status: 503);
        Assert.Equal("This article is unavailable right now", await browse.Page.Locator("h1").InnerTextAsync());
        await browse.VisitAsync("/", "degraded-content-home");
        Assert.Contains("Our articles are unavailable right now", await browse.Page.Locator("main").InnerTextAsync());
        Assert.True(await browse.Page.Locator("main a[href^='/shop/']").CountAsync() >= 1);
    }

    [Fact]
    public async Task With_booking_stopped_the_booking_page_says_so_with_a_503_and_articles_still_render()
    {
        await using var degraded = await DegradedSiteAsync("booking");
        await using var browse = await Browse.OpenAsync(site, Screen.Phone, output, origin: degraded.PublicUrl);

        await browse.VisitAsync("/book", "degraded-booking-start", status: 503);
        Assert.Equal("Online booking is unavailable right now", await browse.Page.Locator(".booking-unavailable h2").InnerTextAsync());
        Assert.True(await browse.Page.Locator(".booking-unavailable a[href^='tel:']").CountAsync() == 1);
        await browse.VisitAsync("/articles/how-running-injuries-can-trigger-lower-back-pain", "degraded-booking-article");
        Assert.Equal("How Running Injuries Can Trigger Lower Back Pain", await browse.Page.Locator("h1").InnerTextAsync());
    }

    private Task<DegradedSite> DegradedSiteAsync(string stopped) => DegradedSite.StartAsync(site, stopped);
}
