using CultureHealth.BackOffice.Web;
using Microsoft.AspNetCore.Mvc;

namespace CultureHealth.BackOffice.Pages;

/// <summary>
/// Every error page: the status-code pages and the exception handler re-execute here. Re-executed for any
/// method (a refused POST included), so antiforgery must not be checked again.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : StaffPageModel
{
    public int Code { get; private set; }

    public (string Title, string Text) Message => Code switch
    {
        StatusCodes.Status403Forbidden => ("This page is not for your role",
            "Your account cannot use this page. If your work needs it, ask the clinic's administrator to change your role."),
        StatusCodes.Status404NotFound => ("Page not found", "Check the address, or start again from the dashboard."),
        StatusCodes.Status400BadRequest => ("The form could not be accepted",
            "It may have been open for too long, or it did not come from this site. Go back, reload the page and try again."),
        StatusCodes.Status405MethodNotAllowed => ("Page not found", "Check the address, or start again from the dashboard."),
        _ => ("Something went wrong on our side", "Nothing you did caused this. Try again in a minute; if it keeps happening, tell the clinic's administrator."),
    };

    public void OnGet(int? code) => Code = code ?? (Response.StatusCode >= 400 ? Response.StatusCode : StatusCodes.Status500InternalServerError);

    public void OnPost(int? code) => OnGet(code);
}
