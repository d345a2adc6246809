using System.Net;
using Xunit.Abstractions;

namespace CultureHealth.EndToEnd.Tests;

/// <summary>The WordPress site's URLs answer 301 with the new page, through the gateway as the world sees it.</summary>
[Collection(SiteCollection.Name)]
public sealed class OldLinksTests(SiteStack site, ITestOutputHelper output)
{
    [Theory]
    [InlineData("/how-running-injuries-can-trigger-lower-back-pain/", "/articles/how-running-injuries-can-trigger-lower-back-pain")]
    [InlineData("/how-running-injuries-can-trigger-lower-back-pain", "/articles/how-running-injuries-can-trigger-lower-back-pain")]
    [InlineData("/shop/", "/shop")]
    [InlineData("/cart/", "/cart")]
    [InlineData("/product/foam-roller-45cm/", "/shop/foam-roller-45cm")]
    [InlineData("/feed/", "/feed.xml")]
    [InlineData("/category/running/", "/articles/tags/running")]
    [InlineData("/articles/", "/articles")]
    [InlineData("/shop/?orderby=price", "/shop?orderby=price")]
    public async Task Old_url_answers_301_with_the_new_page(string old, string now)
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = site.PublicUrl };
        using var response = await client.GetAsync(new Uri(old, UriKind.Relative));
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(now, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task An_old_link_that_was_never_an_article_ends_on_the_404_page()
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = site.PublicUrl };
        using var response = await client.GetAsync(new Uri("/never-an-article", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData(Screen.Desktop)]
    [InlineData(Screen.Phone)]
    public async Task A_browser_following_an_old_article_link_lands_on_the_article(Screen screen)
    {
        await using var browse = await Browse.OpenAsync(site, screen, output);
        await browse.VisitAsync("/category/back-pain/", "old-category-link");
        Assert.EndsWith("/articles/tags/back-pain", browse.Page.Url, StringComparison.Ordinal);
        await browse.VisitAsync("/how-running-injuries-can-trigger-lower-back-pain/", "old-article-link");
        Assert.EndsWith("/articles/how-running-injuries-can-trigger-lower-back-pain", browse.Page.Url, StringComparison.Ordinal);
    }
}
