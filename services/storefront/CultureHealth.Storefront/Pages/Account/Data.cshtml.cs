using CultureHealth.Storefront.Api;
using CultureHealth.Storefront.Appointments;
using Microsoft.AspNetCore.Mvc;
using MyDataExport = CultureHealth.Storefront.Account.MyDataExport;

namespace CultureHealth.Storefront.Pages.Account;

/// <summary>
/// "Your data" (UK GDPR articles 15 and 17): download everything the clinic holds about the signed-in patient's proven
/// address as one JSON file, or ask for it to be erased, after a confirmation step. Both need the patient cookie.
/// </summary>
public sealed class DataModel(PatientDataApi api, MyDataExport export) : AccountPage
{
    public const string Path = "/account/data";

    /// <summary>The erasure form's second step ("yes, erase") carries this.</summary>
    [BindProperty]
    public bool Confirmed { get; set; }

    public ErasureState? Erasure { get; private set; }
    public bool Confirming { get; private set; }
    public string? Outcome { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Describe();
        if (PatientSession.Token(Request) is not { } token)
        {
            return SignIn();
        }
        var erasure = await api.ErasureAsync(token, ct);
        if (erasure.Kind == ReplyKind.Refused)
        {
            return SignIn();
        }
        Erasure = erasure.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostDownloadAsync(CancellationToken ct)
    {
        Describe();
        if (PatientSession.Token(Request) is not { } token)
        {
            return SignIn();
        }
        var outcome = await export.CollectAsync(token, ct);
        if (outcome.SignInAgain)
        {
            return SignIn();
        }
        if (outcome.File is null)
        {
            Outcome = $"We could not reach every part of our system just now ({string.Join(", ", outcome.Unavailable)}), so we have not made a file: "
                + "part of your data would be missing. Please try again in a few minutes.";
            return Page();
        }
        return File(outcome.File, "application/json", MyDataExport.FileName);
    }

    public async Task<IActionResult> OnPostEraseAsync(CancellationToken ct)
    {
        Describe();
        if (PatientSession.Token(Request) is not { } token)
        {
            return SignIn();
        }
        if (!Confirmed)
        {
            Confirming = true;
            return Page();
        }
        var reply = await api.RequestErasureAsync(token, ct);
        switch (reply.Kind)
        {
            case ReplyKind.Done:
                Erasure = reply.Value;
                // They asked to be forgotten: this browser forgets the proven address too.
                PatientSession.SignOut(HttpContext);
                return Page();
            case ReplyKind.Refused:
                return SignIn();
            default:
                Outcome = "We could not record your request just now. Nothing has been erased; please try again in a few minutes.";
                return Page();
        }
    }

    private RedirectResult SignIn() => Redirect(BookingRoutes.SignInThenReturn(Path));

    private void Describe()
    {
        Private();
        Meta.Title = "Your data";
        Meta.Description = "Download the personal data we hold about you, or ask us to erase it.";
    }
}
