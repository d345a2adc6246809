using CultureHealth.Storefront.Appointments;

namespace CultureHealth.Storefront.Pages.Account;

/// <summary>
/// Proving an email address (a code from the patients service): the sign-in that session credits and "My account"
/// need. The return path is only ever a path on this site.
/// </summary>
public abstract class AccountPage : SitePage
{
    public ClinicOptions Clinic => HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<ClinicOptions>>().Value;

    /// <summary>
    /// Where to go once signed in: a local path (the account pages too, but never the sign-in steps themselves, which
    /// would loop), or the booking start page.
    /// </summary>
    protected string SafeReturn(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) && !IsSignInStep(returnUrl)
            ? returnUrl
            : BookingRoutes.Start;

    private static bool IsSignInStep(string path) =>
        new[] { BookingRoutes.SignIn, BookingRoutes.Verify, BookingRoutes.SignOut }
            .Any(step => path.StartsWith(step, StringComparison.OrdinalIgnoreCase));

    /// <summary>The page shows the visitor's own address: keep it out of search engines and caches.</summary>
    protected void Private()
    {
        Meta.NoIndex = true;
        Response.Headers.CacheControl = "no-store";
    }
}
