using CultureHealth.Storefront.Api;
using CultureHealth.Storefront.Appointments;
using Microsoft.AspNetCore.Mvc;

namespace CultureHealth.Storefront.Pages.Account;

/// <summary>Saved details (name, phone) the patients service keeps for the signed-in address.</summary>
public sealed class DetailsModel(PatientsApi patients)
    : ProfileFormPage(patients, "Saved details", "The name and phone number we fill in for you.")
{
    public override string Section => AccountRoutes.Details;

    public string? Email { get; private set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Phone { get; set; }

    public string? NameError { get; private set; }
    public string? PhoneError { get; private set; }

    protected override void Fill(PatientProfile profile) => (Email, Name, Phone) = (profile.Email, profile.Name, profile.Phone);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Describe();
        var reply = await Patients.SaveDetailsAsync(PatientToken, Name, Phone, ct);
        switch (reply.Kind)
        {
            case ReplyKind.Done:
                // Post, redirect, get: a reload does not send the form again.
                return Redirect(AccountRoutes.Details + "?saved=true");
            case ReplyKind.Refused:
                return SignInAgain();
            case ReplyKind.Invalid:
                NameError = reply.Problem?.ErrorFor("name");
                PhoneError = reply.Problem?.ErrorFor("phone");
                return Page();
            default:
                return ServiceDown();
        }
    }
}
