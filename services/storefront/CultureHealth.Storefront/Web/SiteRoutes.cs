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
    /// <summary>The page a commenter's "confirm your email address" link opens (notifications' CommenterConfirmPath).</summary>
    public const string ConfirmCommenterEmail = "/comments/confirm-email";
    public const string Checkout = "/checkout";
    public const string CheckoutPayment = "/checkout/payment";
    public const string CheckoutConfirmation = "/checkout/confirmation";

    public static string Article(string slug) => $"/articles/{Uri.EscapeDataString(slug)}";
    public static string Tag(string tag) => $"/articles/tags/{Uri.EscapeDataString(tag)}";
    public static string Author(Guid id) => $"/authors/{id}";
    public static string Product(string slug) => $"/shop/{Uri.EscapeDataString(slug)}";
    public static string ShopCategory(string category) => $"/shop/category/{Uri.EscapeDataString(category)}";
    /// <summary>An order's status page: the token is the key, so the link is private to its holder.</summary>
    public static string OrderStatus(Guid orderId, string token) => $"/orders/{orderId}?token={Uri.EscapeDataString(token)}";

    /// <summary>First segments that belong to the site (pages, assets, and what the gateway routes elsewhere).</summary>
    public static readonly HashSet<string> TopLevel = new(StringComparer.OrdinalIgnoreCase)
    {
        "articles", "authors", "search", "privacy", "shop", "cart", "checkout", "orders", "book", "booking", "bookings", "account", "comments",
        "error", "css", "js", "img", "health", "metrics", "api", "admin", "openapi", "favicon.ico", "robots.txt",
    };
}
