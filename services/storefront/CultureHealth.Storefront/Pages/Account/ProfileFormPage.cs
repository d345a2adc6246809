using CultureHealth.Storefront.Api;
using Microsoft.AspNetCore.Mvc;

namespace CultureHealth.Storefront.Pages.Account;

/// <summary>
/// A "My account" form over the patient's saved profile (details, email preferences): the form is filled from the
/// patients service; when that service cannot answer, the page says so with a 503 and Retry-After instead of an empty form.
/// </summary>
public abstract class ProfileFormPage(PatientsApi patients, string title, string description) : SignedInPage
{
    protected PatientsApi Patients => patients;

    public bool Saved { get; private set; }
    public bool Unavailable { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool saved, CancellationToken ct)
    {
        Describe();
        var reply = await Patients.ProfileAsync(PatientToken, ct);
        if (Refused(reply))
        {
            return SignInAgain();
        }
        if (reply.Value is not { } profile)
        {
            return ServiceDown();
        }
        Saved = saved;
        Fill(profile);
        return Page();
    }

    /// <summary>Copies the saved profile into the form's fields.</summary>
    protected abstract void Fill(PatientProfile profile);

    protected void Describe() => Titled(title, description);

    protected IActionResult ServiceDown()
    {
        Unavailable = true;
        Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        Response.Headers.RetryAfter = "30";
        return Page();
    }
}
