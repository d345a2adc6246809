using Microsoft.Extensions.Options;

namespace CultureHealth.Storefront.Web;

/// <summary>
/// /robots.txt: everything may be crawled except per-visitor pages; the sitemap (served by content) is named.
/// Search results are not disallowed here but carry noindex: a crawler must fetch a page to see its noindex.
/// The cart is not disallowed either: a crawler has no cart, so it sees the one public "Your cart is empty"
/// page; a cart with items in it carries noindex.
/// </summary>
public static class Robots
{
    public static WebApplication MapRobots(this WebApplication app)
    {
        app.MapGet("/robots.txt", (IOptions<SiteOptions> site) => Results.Text(
            $"""
            User-agent: *
            Disallow: /checkout
            Disallow: /orders
            Disallow: /booking
            Disallow: /account

            Sitemap: {site.Value.Absolute("/sitemap.xml")}

            """, "text/plain; charset=utf-8"));
        return app;
    }
}
