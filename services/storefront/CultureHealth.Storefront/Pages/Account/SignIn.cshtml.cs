using CultureHealth.Storefront.Api;
using CultureHealth.Storefront.Appointments;
using Microsoft.AspNetCore.Mvc;

namespace CultureHealth.Storefront.Pages.Account;

/// <summary>Step one of proving an email address: ask the patients service to email a code (and a one-click link).</summary>
public sealed class SignInModel(PatientsApi patients) : AccountPage
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    public string? EmailError { get; private set; }

    /// <summary>Signing in to "My account" (rather than to use a credit while booking): the page words it so.</summary>
    public bool ForAccount => ReturnUrl?.StartsWith(AccountRoutes.Home, StringComparison.OrdinalIgnoreCase) == true
        || ReturnUrl?.StartsWith("/bookings/", StringComparison.OrdinalIgnoreCase) == true;
    public string? Outcome { get; private set; }

    public void OnGet()
    {
        ReturnUrl = SafeReturn(ReturnUrl);
        Describe();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ReturnUrl = SafeReturn(ReturnUrl);
        Describe();
        if (string.IsNullOrWhiteSpace(Email))
        {
            EmailError = "Please enter your email address.";
            return Page();
        }
        var reply = await patients.RequestProofAsync(Email.Trim(), ReturnUrl, ct);
        switch (reply.Kind)
        {
            case ReplyKind.Done:
                return Redirect($"{BookingRoutes.Verify}?email={Uri.EscapeDataString(Email.Trim())}&returnUrl={Uri.EscapeDataString(ReturnUrl)}");
            case ReplyKind.Invalid:
                EmailError = reply.Problem?.ErrorFor("email") ?? reply.Problem?.Detail ?? "Please check the email address.";
                return Page();
            case ReplyKind.TooMany:
                var minutes = Math.Max(1, (int)Math.Ceiling((reply.RetryAfter ?? TimeSpan.FromMinutes(15)).TotalMinutes));
                Outcome = $"We have sent several codes to this address in a short time. Please use the latest one, or ask for a new code in {minutes} minute{(minutes == 1 ? "" : "s")}.";
                return Page();
            default:
                Outcome = "We cannot send codes right now. Please try again in a few minutes. You can still book and pay at the clinic.";
                return Page();
        }
    }

    private void Describe()
    {
        Private();
        Meta.Title = ForAccount ? "Sign in" : "Confirm your email address";
        Meta.Description = "We email you a code to confirm your address, so that only you can use your session credits.";
    }
}
