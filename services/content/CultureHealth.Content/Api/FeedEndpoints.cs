using System.Xml.Linq;

namespace CultureHealth.Content.Api;

/// <summary>
/// RSS and sitemap documents. Until articles exist (the content issue) they list the site itself;
/// they are already valid documents so the gateway route and the storefront can rely on them.
/// </summary>
public static class FeedEndpoints
{
    public static IEndpointRouteBuilder MapFeeds(this IEndpointRouteBuilder app)
    {
        app.MapGet("/feed.xml", (IConfiguration config) =>
        {
            var site = SiteUrl(config);
            var rss = new XDocument(new XDeclaration("1.0", "utf-8", null),
                new XElement("rss", new XAttribute("version", "2.0"),
                    new XElement("channel",
                        new XElement("title", "Cultural Health Club"),
                        new XElement("link", site),
                        new XElement("description", "Articles from the Cultural Health Club physiotherapy clinic, London"),
                        new XElement("language", "en-gb"))));
            return TypedResults.Text(rss.Declaration + rss.ToString(), "application/rss+xml; charset=utf-8");
        }).WithTags("Feeds");

        app.MapGet("/sitemap.xml", (IConfiguration config) =>
        {
            XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
            var sitemap = new XDocument(new XDeclaration("1.0", "utf-8", null),
                new XElement(ns + "urlset", new XElement(ns + "url", new XElement(ns + "loc", SiteUrl(config) + "/"))));
            return TypedResults.Text(sitemap.Declaration + sitemap.ToString(), "application/xml; charset=utf-8");
        }).WithTags("Feeds");
        return app;
    }

    private static string SiteUrl(IConfiguration config) => (config["Site:PublicUrl"] ?? "http://127.0.0.1:8080").TrimEnd('/');
}
