namespace CultureHealth.Storefront.Web;

/// <summary>
/// The website's cookies. State lives in them (or in links), never in a replica's memory, so any replica
/// serves any request. Every cookie is HttpOnly, SameSite and Secure whenever the visitor came over HTTPS
/// (the gateway says so in X-Forwarded-Proto); plain http only on a developer's machine.
/// </summary>
public static class SiteCookies
{
    public const string Antiforgery = "ch-af";
    /// <summary>The shop cart's token (the shop pages set it).</summary>
    public const string Cart = "ch-cart";
    /// <summary>A patient token after an email proof (about an hour): session credits, and later "My account".</summary>
    public const string Patient = "ch-patient";
    /// <summary>What the "check your email" page shows after a booking (the address it went to); an hour, path /booking.</summary>
    public const string BookingReceipt = "ch-booking";

    public static CookieOptions Options(HttpContext context, TimeSpan? lifetime = null) => new()
    {
        HttpOnly = true,
        Secure = context.Request.IsHttps,
        SameSite = SameSiteMode.Lax,
        Path = "/",
        IsEssential = true,
        MaxAge = lifetime,
    };
}
