using System.Security.Claims;
using System.Text.Encodings.Web;
using CultureHealth.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CultureHealth.BackOffice.Sessions;

/// <summary>The request's session, once the handler has found it (pages and the admin client read it here).</summary>
public sealed record CurrentSession(StaffSession Session, string SessionId);

public static class SessionAuthentication
{
    public const string Scheme = "back-office-session";
}

/// <summary>
/// Signs a request in from the session cookie. The principal carries the same claim names as a staff token
/// (sub, email, name, role, practitioner_id), so the shared role policies (<see cref="StaffPolicies"/>) apply as
/// they do in every service. An unknown user is sent to the sign-in page; a known one without the role gets
/// 403, which the status-code pages render as the "not for your role" page.
/// </summary>
public sealed class SessionAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, SessionStore sessions)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>Sent by the pages' own scripts when they refresh a panel: not a sign that someone is at the desk.</summary>
    public const string BackgroundHeader = "X-Background-Refresh";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var id = SessionCookie.Read(Context);
        if (id is null)
        {
            return AuthenticateResult.NoResult();
        }
        var session = await sessions.FindAsync(id, activity: !Request.Headers.ContainsKey(BackgroundHeader), Context.RequestAborted);
        if (session is null)
        {
            SessionCookie.Delete(Context);
            return AuthenticateResult.NoResult();
        }
        Context.Features.Set(new CurrentSession(session, id));
        return AuthenticateResult.Success(new AuthenticationTicket(Principal(session), SessionAuthentication.Scheme));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var returnUrl = Request.PathBase + Request.Path + Request.QueryString;
        Response.Redirect($"{Request.PathBase}/sign-in?returnUrl={Uri.EscapeDataString(returnUrl)}");
        return Task.CompletedTask;
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }

    public static ClaimsPrincipal Principal(StaffSession session)
    {
        var claims = new List<Claim>
        {
            new(StaffClaims.Subject, session.StaffId.ToString()),
            new(StaffClaims.Email, session.Email),
            new(StaffClaims.Name, session.Name),
        };
        claims.AddRange(session.Roles.Select(r => new Claim(StaffClaims.Role, r)));
        if (session.PractitionerId is { } practitionerId)
        {
            claims.Add(new Claim(StaffClaims.PractitionerId, practitionerId.ToString()));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, SessionAuthentication.Scheme, StaffClaims.Name, StaffClaims.Role));
    }
}
