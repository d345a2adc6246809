using System.ComponentModel.DataAnnotations;
using CultureHealth.BackOffice.AdminApi;
using CultureHealth.BackOffice.Sessions;
using CultureHealth.BackOffice.Web;
using Microsoft.AspNetCore.Mvc;

namespace CultureHealth.BackOffice.Pages;

/// <summary>
/// Signs a member of staff in through admin's sign-in; the tokens go into a new server-side session and the
/// browser gets only its id. Refusals say what to do next (wrong details, locked, too many tries, admin away).
/// </summary>
public sealed class SignInModel(AdminConnection admin, SessionStore sessions, TimeProvider clock) : StaffPageModel
{
    [BindProperty, Required(ErrorMessage = "Enter your email address."), EmailAddress(ErrorMessage = "Enter an email address like name@example.com.")]
    [Display(Name = "Email address")]
    public string Email { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Enter your password."), DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Refusal { get; private set; }

    public string? Reason => Request.Query["ended"] == "1" ? Notices.Text("ended") : null;

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect(SafeReturnUrl()) : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var result = await admin.SendAsync<StaffTokens>(HttpMethod.Post, "api/admin/auth/login", new { email = Email, password = Password }, null, null, ct);
        if (result.Value is not { } tokens)
        {
            Refusal = Explain(result.Problem!);
            return Refused(result.Problem! with { Errors = new Dictionary<string, string[]>() }, null);
        }

        // A new id for every sign-in (never reuse one the browser brought: session fixation).
        if (HttpContext.Features.Get<CurrentSession>() is { } previous)
        {
            await sessions.EndAsync(previous.Session, ct);
        }
        var sessionId = await sessions.CreateAsync(tokens, ct);
        SessionCookie.Write(HttpContext, sessionId);
        return LocalRedirect(SafeReturnUrl());
    }

    /// <summary>Only a page of the back office itself; anything else goes to the dashboard.</summary>
    private string SafeReturnUrl()
    {
        var home = Url.Content("~/");
        return ReturnUrl is { } url && Url.IsLocalUrl(url) && url.StartsWith(home, StringComparison.Ordinal) ? url : home;
    }

    /// <summary>
    /// What to do next. Admin answers a wrong password and an unknown or disabled account alike (401); after a few
    /// failures in a row it refuses every attempt for that account or network for a doubling while (429 with Retry-After).
    /// </summary>
    private string Explain(AdminProblem problem) => problem.Status switch
    {
        StatusCodes.Status401Unauthorized or StatusCodes.Status400BadRequest =>
            "That email address and password do not match an active staff account. Check both and try again. " +
            "After several wrong tries in a row, signing in is paused for a while.",
        StatusCodes.Status429TooManyRequests => TooManyTries(problem.RetryAfter ?? TimeSpan.FromMinutes(1)),
        _ => "Signing in is not possible right now: the clinic's staff system is not answering. Your password is not the problem. " +
             "Try again in a minute; if it keeps happening, tell the clinic's administrator.",
    };

    private string TooManyTries(TimeSpan wait) =>
        "Too many wrong sign-ins for this account or from this network, so signing in is paused. " +
        $"Wait {Wording.Wait(wait)}{Until(wait)}, then try again; each further wrong try doubles the wait. " +
        "If you have forgotten your password, ask the clinic's administrator to set a new one.";

    /// <summary>The clock time the pause ends, when it is long enough for one to help.</summary>
    private string Until(TimeSpan wait) => wait >= TimeSpan.FromMinutes(2) ? $" (until {Wording.Time(clock.GetUtcNow() + wait)})" : "";
}
