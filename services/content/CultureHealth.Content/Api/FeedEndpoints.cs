using System.Globalization;
using System.Text;
using System.Xml.Linq;
using CultureHealth.Content.Application;
using CultureHealth.ServiceDefaults.Http;

namespace CultureHealth.Content.Api;

/// <summary>
/// RSS 2.0 and sitemap of published articles, with absolute links from Site:PublicUrl. Both carry an
/// ETag and Last-Modified and answer conditional GETs with 304, so feed readers poll cheaply.
/// </summary>
public static class FeedEndpoints
{
    private const int FeedItems = 50;
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public static IEndpointRouteBuilder MapFeeds(this IEndpointRouteBuilder app)
    {
        app.MapGet("/feed.xml", RssAsync).WithTags("Feeds").CacheOutput(ContentCache.ArticlesPolicy);
        app.MapGet("/sitemap.xml", SitemapAsync).WithTags("Feeds").CacheOutput(ContentCache.ArticlesPolicy);
        return app;
    }

    private static async Task<IResult> RssAsync(HttpContext http, FeedEntries feed, IConfiguration config, CancellationToken ct)
    {
        var site = SiteUrl(config);
        var entries = await feed.NewestAsync(FeedItems, ct);
        var channel = new XElement("channel",
            new XElement("title", "Cultural Health Club"),
            new XElement("link", site + "/"),
            new XElement("description", "Articles from the Cultural Health Club physiotherapy clinic, London"),
            new XElement("language", "en-gb"),
            new XElement(Atom + "link", new XAttribute("href", site + "/feed.xml"), new XAttribute("rel", "self"), new XAttribute("type", "application/rss+xml")));
        if (entries.Count > 0)
        {
            channel.Add(new XElement("lastBuildDate", Rfc822(entries.Max(e => e.UpdatedAt))));
        }
        foreach (var e in entries)
        {
            var item = new XElement("item",
                new XElement("title", e.Title),
                new XElement("link", ArticleUrl(site, e.Slug)),
                new XElement("guid", new XAttribute("isPermaLink", "false"), $"urn:uuid:{e.Id}"),
                new XElement("pubDate", Rfc822(e.PublishedAt)),
                new XElement(Dc + "creator", e.AuthorName));
            if (!string.IsNullOrWhiteSpace(e.Excerpt))
            {
                item.Add(new XElement("description", e.Excerpt));
            }
            item.Add(e.Tags.Select(t => new XElement("category", t)));
            channel.Add(item);
        }
        var rss = new XElement("rss", new XAttribute("version", "2.0"),
            new XAttribute(XNamespace.Xmlns + "atom", Atom), new XAttribute(XNamespace.Xmlns + "dc", Dc), channel);
        return Conditional(http, rss, entries.Count == 0 ? null : entries.Max(e => e.UpdatedAt), "application/rss+xml; charset=utf-8");
    }

    private static async Task<IResult> SitemapAsync(HttpContext http, FeedEntries feed, IConfiguration config, CancellationToken ct)
    {
        var site = SiteUrl(config);
        var entries = await feed.NewestAsync(null, ct);
        // The website's own pages are listed here too, so search engines find one sitemap for the whole site:
        // the home page, the fixed pages it names in Site:SitemapPages, the article list, tag and author pages.
        var pages = new[] { "/", "/articles" }.Concat(config.GetSection("Site:SitemapPages").Get<string[]>() ?? [])
            .Concat(entries.SelectMany(e => e.Tags).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(t => "/articles/tags/" + Uri.EscapeDataString(t)))
            .Concat(entries.Select(e => e.AuthorId).Distinct().Select(id => $"/authors/{id}"))
            .Distinct(StringComparer.Ordinal);
        var urlset = new XElement(Sitemap + "urlset",
            pages.Select(path => new XElement(Sitemap + "url", new XElement(Sitemap + "loc", site + path))),
            entries.Select(e => new XElement(Sitemap + "url",
                new XElement(Sitemap + "loc", ArticleUrl(site, e.Slug)),
                new XElement(Sitemap + "lastmod", e.UpdatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)))));
        return Conditional(http, urlset, entries.Count == 0 ? null : entries.Max(e => e.UpdatedAt), "application/xml; charset=utf-8");
    }

    private static IResult Conditional(HttpContext http, XElement root, DateTimeOffset? lastModified, string contentType)
    {
        var document = new XDocument(new XDeclaration("1.0", "utf-8", null), root);
        var bytes = Encoding.UTF8.GetBytes(document.Declaration + "\n" + root.ToString(SaveOptions.DisableFormatting));
        return EntityTags.Respond(http, bytes, contentType, lastModified);
    }

    private static string Rfc822(DateTimeOffset time) => time.UtcDateTime.ToString("r", CultureInfo.InvariantCulture);

    private static string ArticleUrl(string site, string slug) => $"{site}/articles/{Uri.EscapeDataString(slug)}";

    private static string SiteUrl(IConfiguration config) => (config["Site:PublicUrl"] ?? "http://127.0.0.1:8080").TrimEnd('/');
}
