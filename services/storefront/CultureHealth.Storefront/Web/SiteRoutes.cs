namespace CultureHealth.Storefront.Web;

/// <summary>
/// The website's URLs in one place: pages link with these, the legacy redirects point at them, and the
/// first path segments listed in <see cref="TopLevel"/> are never mistaken for an old article slug.
/// </summary>
public static class SiteRoutes
{
    public const string Home = "/";
    public const string Articles = "/articles";
    public const string Search = "/search";
    public const string Privacy = "/privacy";
    public const string Shop = "/shop";
    public const string Cart = "/cart";
    public const string Book = "/book";

    public static string Article(string slug) => $"/articles/{Uri.EscapeDataString(slug)}";
    public static string Tag(string tag) => $"/articles/tags/{Uri.EscapeDataString(tag)}";
    public static string Author(Guid id) => $"/authors/{id}";
    public static string Product(string slug) => $"/shop/{Uri.EscapeDataString(slug)}";

    /// <summary>First segments that belong to the site (pages, assets, and what the gateway routes elsewhere).</summary>
    public static readonly HashSet<string> TopLevel = new(StringComparer.OrdinalIgnoreCase)
    {
        "articles", "authors", "search", "privacy", "shop", "cart", "checkout", "orders", "book", "booking", "account",
        "error", "css", "js", "img", "health", "metrics", "api", "admin", "openapi", "favicon.ico", "robots.txt",
    };
}
