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
