using CultureHealth.Storefront.Api;
using CultureHealth.Storefront.Web;

namespace CultureHealth.Storefront.Appointments;

/// <summary>
/// A patient who proved their email address: the patient token lives in the HttpOnly, SameSite=Lax cookie
/// <see cref="SiteCookies.Patient"/> until it expires (about an hour), never in a replica's memory or a page.
/// The website does not trust the cookie itself: booking checks the token on every use, and an expired or forged
/// one proves nothing (the page then asks for a new code).
/// </summary>
public static class PatientSession
{
    public static string? Token(HttpRequest request) =>
        request.Cookies.TryGetValue(SiteCookies.Patient, out var token) && !string.IsNullOrWhiteSpace(token) ? token : null;

    public static void SignIn(HttpContext context, PatientAccess access, TimeProvider clock)
    {
        var lifetime = access.ExpiresAt - clock.GetUtcNow();
        if (lifetime <= TimeSpan.Zero)
        {
            return;
        }
        context.Response.Cookies.Append(SiteCookies.Patient, access.AccessToken, SiteCookies.Options(context, lifetime));
    }

    public static void SignOut(HttpContext context) =>
        context.Response.Cookies.Delete(SiteCookies.Patient, SiteCookies.Options(context));
}
