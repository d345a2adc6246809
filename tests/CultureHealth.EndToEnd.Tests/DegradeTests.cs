using CultureHealth.Gateway;
using CultureHealth.Storefront;
using CultureHealth.Testing;
using Xunit.Abstractions;

namespace CultureHealth.EndToEnd.Tests;

/// <summary>
/// A service that is down takes only its part of a page with it. A second gateway and website run beside the
/// stack's, with the shop (or content) pointing at a port where nothing listens, as when the service is stopped.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class DegradeTests(SiteFixture site, ITestOutputHelper output)
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

    /// <summary>The same services, but <paramref name="stopped"/> unreachable, behind a gateway and website of their own.</summary>
    private async Task<DegradedSite> DegradedSiteAsync(string stopped)
    {
        var gatewayPort = FreePort.Reserve();
        var publicUrl = new Uri($"http://127.0.0.1:{gatewayPort}");
        var storefront = new ServiceFactory<StorefrontOptions>(new Dictionary<string, string?>
        {
            ["Storefront:GatewayUrl"] = publicUrl.ToString(),
            ["Site:PublicUrl"] = publicUrl.ToString(),
            ["Storefront:ApiAttemptTimeout"] = "00:00:01",
            ["Logging:LogLevel:Default"] = "Error",
        }, listen: true);
        storefront.StartServer();
        var nowhere = $"http://127.0.0.1:{FreePort.Next()}";
        var gateway = new ServiceFactory<DownstreamHealth>(new Dictionary<string, string?>
        {
            ["ReverseProxy:Clusters:content:Destinations:primary:Address"] = stopped == "content" ? nowhere : site.Content.Factory.BaseAddress.ToString(),
            ["ReverseProxy:Clusters:shop:Destinations:primary:Address"] = stopped == "shop" ? nowhere : site.Shop.Factory.BaseAddress.ToString(),
            ["ReverseProxy:Clusters:booking:Destinations:primary:Address"] = site.Booking.Factory.BaseAddress.ToString(),
            ["ReverseProxy:Clusters:admin:Destinations:primary:Address"] = site.Admin.Factory.BaseAddress.ToString(),
            ["ReverseProxy:Clusters:storefront:Destinations:primary:Address"] = storefront.BaseAddress.ToString(),
            ["Gateway:TrustedProxies:0"] = "127.0.0.1",
            ["Gateway:RateLimits:public"] = "100000",
            ["Logging:LogLevel:Default"] = "Error",
        }, listen: true, port: gatewayPort);
        gateway.StartServer();
        var degraded = new DegradedSite(storefront, gateway, publicUrl);
        using var client = gateway.CreateHttpClient();
        await Eventually.TrueAsync(async () =>
        {
            using var response = await client.GetAsync(new Uri("/privacy", UriKind.Relative));
            return response.IsSuccessStatusCode;
        }, TimeSpan.FromSeconds(30), "the second website answers through its gateway");
        return degraded;
    }

    private sealed record DegradedSite(ServiceFactory<StorefrontOptions> Storefront, ServiceFactory<DownstreamHealth> Gateway, Uri PublicUrl) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Gateway.DisposeAsync();
            await Storefront.DisposeAsync();
        }
    }
}
