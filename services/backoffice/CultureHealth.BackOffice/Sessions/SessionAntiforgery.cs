using Microsoft.AspNetCore.Antiforgery;

namespace CultureHealth.BackOffice.Sessions;

/// <summary>
/// Antiforgery as a synchroniser token kept in the session row (OWASP's pattern), so the browser needs no
/// second cookie and every replica agrees without shared Data Protection keys. Every form carries the
/// session's token (Razor's form tag helper asks this service for it) and every unsafe request must echo it.
/// A stolen session cookie alone therefore changes nothing. On top, an unsafe request whose Origin or
/// Sec-Fetch-Site names another site is refused: that also protects the sign-in form, which has no session yet.
/// </summary>
public sealed class SessionAntiforgery : IAntiforgery
{
    public const string FormFieldName = "__RequestVerificationToken";
    public const string HeaderName = "X-CSRF-Token";
    private const string NoSession = "no-session";

    public AntiforgeryTokenSet GetAndStoreTokens(HttpContext httpContext) => GetTokens(httpContext);

    public AntiforgeryTokenSet GetTokens(HttpContext httpContext) =>
        new(httpContext.Features.Get<CurrentSession>()?.Session.AntiforgeryToken ?? NoSession, null, FormFieldName, HeaderName);

    public async Task<bool> IsRequestValidAsync(HttpContext httpContext) => await FailureAsync(httpContext) is null;

    public async Task ValidateRequestAsync(HttpContext httpContext)
    {
        if (await FailureAsync(httpContext) is { } reason)
        {
            throw new AntiforgeryValidationException(reason);
        }
    }

    public void SetCookieTokenAndHeader(HttpContext httpContext)
    {
        // No cookie: the token lives in the session row.
    }

    private static async Task<string?> FailureAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
        {
            return null;
        }
        if (!IsSameSite(request))
        {
            return "The request came from another site.";
        }
        if (context.Features.Get<CurrentSession>() is not { } current)
        {
            // Nothing to forge without a session except a sign-in, which the same-site check above covers.
            return null;
        }
        string? sent = request.Headers[HeaderName];
        if (sent is null && request.HasFormContentType)
        {
            sent = (await request.ReadFormAsync(context.RequestAborted))[FormFieldName];
        }
        return SessionSecret.FixedTimeEquals(sent, current.Session.AntiforgeryToken) ? null : "The form's antiforgery token is missing or is not this session's.";
    }

    private static bool IsSameSite(HttpRequest request)
    {
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0 && fetchSite is not ("same-origin" or "none"))
        {
            return false;
        }
        var origin = request.Headers.Origin.ToString();
        return origin.Length == 0 || (Uri.TryCreate(origin, UriKind.Absolute, out var o)
            && string.Equals(o.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));
    }
}
