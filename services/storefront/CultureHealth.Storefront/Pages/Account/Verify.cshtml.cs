using CultureHealth.Storefront.Api;
using CultureHealth.Storefront.Appointments;
using CultureHealth.Storefront.Web;
using Microsoft.AspNetCore.Mvc;

namespace CultureHealth.Storefront.Pages.Account;

/// <summary>
/// Step two: the code from the email (typed, or filled in by the email's one-click link). Opening the link does
/// not use the code by itself (a mail scanner opening links would spend it): the patient presses Continue. The patient
/// token goes into the HttpOnly cookie ch-patient and never into the page.
/// </summary>
public sealed class VerifyModel(PatientsApi patients, TimeProvider clock) : AccountPage
{
    [BindProperty(SupportsGet = true)]
    public string? Email { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? CodeError { get; private set; }
    public string? Outcome { get; private set; }
    public bool FromLink { get; private set; }
    public bool Resent { get; private set; }

    public IActionResult OnGet()
    {
        Describe();
        if (string.IsNullOrWhiteSpace(Email))
        {
            return Redirect(BookingRoutes.SignIn + "?returnUrl=" + Uri.EscapeDataString(SafeReturn(ReturnUrl)));
        }
        ReturnUrl = SafeReturn(ReturnUrl);
        FromLink = !string.IsNullOrWhiteSpace(Code);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Describe();
        ReturnUrl = SafeReturn(ReturnUrl);
        if (string.IsNullOrWhiteSpace(Email))
        {
            return Redirect(BookingRoutes.SignIn + "?returnUrl=" + Uri.EscapeDataString(ReturnUrl));
        }
        if (string.IsNullOrWhiteSpace(Code))
        {
            CodeError = "Please enter the 6-digit code from the email.";
            return Page();
        }
        var reply = await patients.VerifyProofAsync(Email.Trim(), Code.Trim(), ct);
        switch (reply.Kind)
        {
            case ReplyKind.Done:
                PatientSession.SignIn(HttpContext, reply.Value!, clock);
                return Redirect(ReturnUrl);
            case ReplyKind.Invalid:
                CodeError = reply.Problem?.ErrorFor("code") ?? reply.Problem?.ErrorFor("email") ?? reply.Problem?.Detail ?? "That code did not work.";
                return Page();
            case ReplyKind.TooMany:
                Outcome = "Too many tries in a short time. Please wait a few minutes, then try again.";
                return Page();
            default:
                Outcome = "We cannot check codes right now. Please try again in a few minutes.";
                return Page();
        }
    }

    /// <summary>"Send a new code": the same request as the sign-in page.</summary>
    public async Task<IActionResult> OnPostResendAsync(CancellationToken ct)
    {
        Describe();
        ReturnUrl = SafeReturn(ReturnUrl);
        Code = null;
        if (string.IsNullOrWhiteSpace(Email))
        {
            return Redirect(BookingRoutes.SignIn + "?returnUrl=" + Uri.EscapeDataString(ReturnUrl));
        }
        var reply = await patients.RequestProofAsync(Email.Trim(), ReturnUrl, ct);
        (Resent, Outcome) = reply.Kind switch
        {
            ReplyKind.Done => (true, (string?)null),
            ReplyKind.TooMany => (false, "We have sent several codes to this address in a short time. Please use the latest one, or try again later."),
            ReplyKind.Invalid => (false, reply.Problem?.ErrorFor("email") ?? "Please check the email address."),
            _ => (false, "We cannot send codes right now. Please try again in a few minutes."),
        };
        return Page();
    }

    private void Describe()
    {
        Private();
        // The one-click link carries the code: no Referer may carry it anywhere.
        Response.SendNoReferrer();
        Meta.Title = "Enter your code";
        Meta.Description = "Enter the code we emailed you.";
    }
}
