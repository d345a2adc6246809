using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Xml.Linq;

namespace CultureHealth.Content.Tests.Api;

public sealed class FeedTests(ContentServiceFixture host) : IClassFixture<ContentServiceFixture>
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private readonly HttpClient _public = host.Service.CreateClient();

    [Fact]
    public async Task Rss_is_valid_with_absolute_links_and_rfc822_dates()
    {
        using var response = await _public.GetAsync("/feed.xml");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/rss+xml", response.Content.Headers.ContentType?.MediaType);
        var rss = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("2.0", rss.Root!.Attribute("version")?.Value);
        var items = rss.Root.Element("channel")!.Elements("item").ToList();
        Assert.Contains(items, i => i.Element("title")!.Value == "How Running Injuries Can Trigger Lower Back Pain");
        foreach (var item in items)
        {
            Assert.StartsWith(ContentServiceFixture.PublicUrl + "/articles/", item.Element("link")!.Value, StringComparison.Ordinal);
            Assert.True(DateTimeOffset.TryParseExact(item.Element("pubDate")!.Value, "r", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
                $"pubDate {item.Element("pubDate")!.Value} is RFC 822");
        }
    }

    [Fact]
    public async Task Sitemap_uses_the_sitemaps_namespace_and_lists_articles()
    {
        using var response = await _public.GetAsync("/sitemap.xml");
        var sitemap = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(Sitemap + "urlset", sitemap.Root!.Name);
        var locs = sitemap.Root.Elements(Sitemap + "url").Select(u => u.Element(Sitemap + "loc")!.Value).ToList();
        Assert.Contains($"{ContentServiceFixture.PublicUrl}/articles/how-running-injuries-can-trigger-lower-back-pain", locs);
        Assert.All(locs, l => Assert.True(Uri.IsWellFormedUriString(l, UriKind.Absolute)));
    }

    [Fact]
    public async Task Sitemap_lists_the_websites_pages_once_each()
    {
        using var response = await _public.GetAsync("/sitemap.xml");
        var sitemap = XDocument.Parse(await response.Content.ReadAsStringAsync());
        var locs = sitemap.Root!.Elements(Sitemap + "url").Select(u => u.Element(Sitemap + "loc")!.Value).ToList();
        // The home page, the article list, the fixed pages from Site:SitemapPages, a page per tag and per author.
        foreach (var path in new[] { "/", "/articles", "/book", "/shop", "/privacy", "/articles/tags/back-pain", "/authors/6f1c2a60-1d1b-4c38-9d55-0c8f1f0a0001" })
        {
            Assert.Contains(ContentServiceFixture.PublicUrl + path, locs);
        }
        Assert.Equal(locs.Count, locs.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("/feed.xml")]
    [InlineData("/sitemap.xml")]
    public async Task Conditional_get_answers_304(string url)
    {
        using var first = await _public.GetAsync(url);
        var etag = first.Headers.ETag;
        var lastModified = first.Content.Headers.LastModified;
        Assert.NotNull(etag);
        Assert.NotNull(lastModified);

        using var byEtag = new HttpRequestMessage(HttpMethod.Get, url);
        byEtag.Headers.IfNoneMatch.Add(etag);
        using var notModified = await _public.SendAsync(byEtag);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        using var byDate = new HttpRequestMessage(HttpMethod.Get, url);
        byDate.Headers.IfModifiedSince = lastModified;
        using var notModifiedSince = await _public.SendAsync(byDate);
        Assert.Equal(HttpStatusCode.NotModified, notModifiedSince.StatusCode);

        using var stale = new HttpRequestMessage(HttpMethod.Get, url);
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
        using var changed = await _public.SendAsync(stale);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
    }

    [Fact]
    public async Task Publishing_changes_the_feed_and_its_etag()
    {
        using var before = await _public.GetAsync("/feed.xml");
        var title = ContentApi.Unique("Fresh article ");
        await host.Service.Editor().PublishAsync(ContentApi.Article(title));
        using var after = await _public.GetAsync("/feed.xml");
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        Assert.Contains(title, await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
