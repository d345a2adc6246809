using CultureHealth.Storefront.Api;
using CultureHealth.Storefront.Appointments;
using Microsoft.AspNetCore.Mvc;

namespace CultureHealth.Storefront.Pages.Account;

/// <summary>
/// Email preferences: emails about the patient's own bookings and orders always go; news and offers only with
/// consent, off until the patient ticks the box (the patients service records when).
/// </summary>
public sealed class PreferencesModel(PatientsApi patients)
    : ProfileFormPage(patients, "Email preferences", "Choose which emails you get from the clinic.")
{
    public override string Section => AccountRoutes.Preferences;

    [BindProperty]
    public bool MarketingEmails { get; set; }

    public DateTimeOffset? ChangedAt { get; private set; }
    protected override void Fill(PatientProfile profile) =>
        (MarketingEmails, ChangedAt) = (profile.MarketingConsent, profile.MarketingConsentChangedAt);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Describe();
        var reply = await Patients.SavePreferencesAsync(PatientToken, MarketingEmails, ct);
        return reply.Kind switch
        {
            ReplyKind.Done => Redirect(AccountRoutes.Preferences + "?saved=true"),
            ReplyKind.Refused => SignInAgain(),
            _ => ServiceDown(),
        };
    }
}
