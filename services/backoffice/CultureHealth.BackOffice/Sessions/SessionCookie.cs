using System.Net;

namespace CultureHealth.BackOffice.Sessions;

/// <summary>
/// The one cookie the back office sets: the session id. HttpOnly (no script reads it), SameSite=Strict (no other
/// site's page sends it), scoped to /admin, no expiry date (it dies with the browser; the server ends it sooner
/// when idle), and Secure everywhere except plain http on this machine (local runs and tests).
/// </summary>
public static class SessionCookie
{
    public const string Name = "ch_staff_session";

    public static string? Read(HttpContext context) => context.Request.Cookies[Name];

    public static void Write(HttpContext context, string sessionId) =>
        context.Response.Cookies.Append(Name, sessionId, Options(context));

    public static void Delete(HttpContext context) => context.Response.Cookies.Delete(Name, Options(context));

    private static CookieOptions Options(HttpContext context) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = context.Request.IsHttps || !IsLocalHost(context.Request.Host.Host),
        Path = context.Request.PathBase.HasValue ? context.Request.PathBase.Value : "/",
        IsEssential = true,
    };

    private static bool IsLocalHost(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
