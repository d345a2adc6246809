using CultureHealth.Storefront.Api;
using CultureHealth.Storefront.Appointments;
using Microsoft.AspNetCore.Mvc;

namespace CultureHealth.Storefront.Pages.Account;

/// <summary>
/// Email preferences: emails about the patient's own bookings and orders always go; news and offers only with
/// consent, off until the patient ticks the box (the patients service records when).
/// </summary>
public sealed class PreferencesModel(PatientsApi patients) : SignedInPage
{
    public override string Section => AccountRoutes.Preferences;

    [BindProperty]
    public bool MarketingEmails { get; set; }

    public DateTimeOffset? ChangedAt { get; private set; }
    public bool Saved { get; private set; }
    public bool Unavailable { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool saved, CancellationToken ct)
    {
        Describe();
        var reply = await patients.ProfileAsync(PatientToken, ct);
        if (Refused(reply))
        {
            return SignInAgain();
        }
        if (reply.Value is not { } profile)
        {
            return ServiceDown();
        }
        (MarketingEmails, ChangedAt, Saved) = (profile.MarketingConsent, profile.MarketingConsentChangedAt, saved);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Describe();
        var reply = await patients.SavePreferencesAsync(PatientToken, MarketingEmails, ct);
        return reply.Kind switch
        {
            ReplyKind.Done => Redirect(AccountRoutes.Preferences + "?saved=true"),
            ReplyKind.Refused => SignInAgain(),
            _ => ServiceDown(),
        };
    }

    private IActionResult ServiceDown()
    {
        Unavailable = true;
        Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        Response.Headers.RetryAfter = "30";
        return Page();
    }

    private void Describe() => Titled("Email preferences", "Choose which emails you get from the clinic.");
}
