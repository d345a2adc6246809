using System.Security.Cryptography;

namespace CultureHealth.BackOffice.Web;

/// <summary>
/// Headers on every answer: a Content-Security-Policy whose scripts need this response's nonce (so injected
/// markup cannot run script), no framing, no sniffing, no referrer beyond the site, and no caching of staff
/// pages (patients' names and bookings must not stay in a shared computer's cache).
/// </summary>
public static class SecurityHeaders
{
    private const string NonceItem = "csp-nonce";

    public static string Nonce(HttpContext context) => context.Items[NonceItem] as string ?? "";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceItem] = nonce;
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy =
            $"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'self' 'nonce-{nonce}'; img-src 'self' data:; " +
            "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
        headers.CacheControl = "no-store";
        if (context.Request.IsHttps)
        {
            headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
        }
        return next(context);
    });
}
