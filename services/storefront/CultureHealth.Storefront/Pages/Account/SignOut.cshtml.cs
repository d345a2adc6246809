using CultureHealth.Storefront.Appointments;
using Microsoft.AspNetCore.Mvc;

namespace CultureHealth.Storefront.Pages.Account;

/// <summary>Forget the proven address (the ch-patient cookie). A POST with antiforgery: a link cannot sign anyone out.</summary>
public sealed class SignOutModel : AccountPage
{
    public IActionResult OnGet() => Redirect(BookingRoutes.Start);

    public IActionResult OnPost(string? returnUrl)
    {
        PatientSession.SignOut(HttpContext);
        return Redirect(SafeReturn(returnUrl));
    }
}
