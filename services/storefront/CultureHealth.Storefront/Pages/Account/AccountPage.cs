using CultureHealth.Storefront.Appointments;

namespace CultureHealth.Storefront.Pages.Account;

/// <summary>
/// Proving an email address (a code from the patients service), the sign-in that session credits need and that
/// "My account" will grow from. The return path is only ever a path on this site.
/// </summary>
public abstract class AccountPage : SitePage
{
    public ClinicOptions Clinic => HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<ClinicOptions>>().Value;

    /// <summary>Where to go once signed in: a local path, or the booking start page.</summary>
    protected string SafeReturn(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) && !returnUrl.StartsWith("/account", StringComparison.OrdinalIgnoreCase)
            ? returnUrl
            : BookingRoutes.Start;

    /// <summary>The page shows the visitor's own address: keep it out of search engines and caches.</summary>
    protected void Private()
    {
        Meta.NoIndex = true;
        Response.Headers.CacheControl = "no-store";
    }
}
