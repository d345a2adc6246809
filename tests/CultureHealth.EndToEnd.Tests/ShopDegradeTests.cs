using Xunit.Abstractions;

namespace CultureHealth.EndToEnd.Tests;

/// <summary>
/// With the shop stopped, every shop page says so (503, never a 500), the visitor's cart is kept for later, the
/// mini cart says the shop is unavailable, and the articles still render.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class ShopDegradeTests(SiteStack site, ITestOutputHelper output)
{
    [Theory]
    [InlineData(Screen.Desktop)]
    [InlineData(Screen.Phone)]
    public async Task With_the_shop_stopped_shop_pages_say_it_is_unavailable_and_articles_still_render(Screen screen)
    {
        await using var browse = await Browse.OpenAsync(site, screen, output);
        var page = browse.Page;
        await new Shopper(browse).AddToCartAsync("spiky-massage-ball", 1, "product-ball");

        // The same visitor (cookies for 127.0.0.1 go to every port), on a site whose shop is down.
        await using var degraded = await DegradedSite.StartAsync(site, "shop");
        foreach (var (path, name, says) in new[]
        {
            ("/shop", "degraded-shop-list", "The shop is unavailable right now"),
            ("/shop/spiky-massage-ball", "degraded-shop-product", "This product is unavailable right now"),
            ("/cart", "degraded-shop-cart", "The shop is unavailable right now"),
            ("/checkout", "degraded-shop-checkout", "The shop is unavailable right now"),
        })
        {
            await browse.VisitAsync(degraded.Url(path), name, status: 503);
            Assert.Contains(says, await page.Locator("main").InnerTextAsync());
            Assert.Equal("unavailable", await page.Locator("[data-mini-cart]").GetAttributeAsync("data-mini-cart"));
        }

        await browse.VisitAsync(degraded.Url("/articles/how-running-injuries-can-trigger-lower-back-pain"), "degraded-shop-article-with-cart");
        Assert.Equal("How Running Injuries Can Trigger Lower Back Pain", await page.Locator("h1").InnerTextAsync());
        Assert.Contains("The shop is unavailable right now", await page.Locator("[data-mini-cart]").TextContentAsync());

        // Back on the healthy site, the cart is still there.
        await browse.VisitAsync("/cart", "cart-after-outage");
        Assert.Contains("Spiky massage ball", await page.Locator(".cart-lines").InnerTextAsync());
    }
}
