using System.Security.Cryptography;

namespace CultureHealth.Storefront.Web;

/// <summary>
/// The headers every page is sent. Scripts run only with this response's nonce (a strict CSP: no inline
/// script or handler without it, no eval); styles only from our own stylesheet; forms post only to us.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "csp-nonce";

    /// <summary>This response's script nonce: put it on every &lt;script&gt; (the layout's tag helpers do).</summary>
    public static string CspNonce(this HttpContext context) => (string)context.Items[NonceKey]!;

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use(static (context, next) =>
        {
            var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceKey] = nonce;
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy =
                $"default-src 'self'; script-src 'nonce-{nonce}' 'strict-dynamic'; style-src 'self'; img-src 'self' data: https:; " +
                "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            // Same-origin only: a URL that carries a token (order status, booking manage link) never reaches another site.
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return next(context);
        });
        return app;
    }

    /// <summary>For a page whose URL itself is a secret (a token in the query): send no Referer at all, not even to us.</summary>
    public static void SendNoReferrer(this HttpResponse response) => response.Headers["Referrer-Policy"] = "no-referrer";
}
