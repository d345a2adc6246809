using CultureHealth.BackOffice.AdminApi;
using CultureHealth.BackOffice.Sessions;
using CultureHealth.BackOffice.Web;
using Microsoft.AspNetCore.Mvc;

namespace CultureHealth.BackOffice.Pages;

/// <summary>
/// Signing out ends the session here and its refresh token at admin; "everywhere" ends every session of the
/// account, at admin (all refresh tokens) and here (every browser's session row). Both work without script.
/// </summary>
public sealed class SignOutModel(AdminClient admin, SessionStore sessions) : StaffPageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (HttpContext.Features.Get<CurrentSession>() is { } current)
        {
            if (sessions.RefreshTokenOf(current.Session) is { } refreshToken)
            {
                // Best effort: if admin is away the refresh token still dies with its lifetime, and this session ends now regardless.
                await TryAsync(() => admin.PostAsync<NoContent>("api/admin/auth/logout", new { refreshToken }, ct));
            }
            await sessions.EndAsync(current.Session, ct);
        }
        SessionCookie.Delete(HttpContext);
        return RedirectToPage("/SignIn", new { done = "signed-out" });
    }

    public async Task<IActionResult> OnPostEverywhereAsync(CancellationToken ct)
    {
        if (HttpContext.Features.Get<CurrentSession>() is not { } current)
        {
            return RedirectToPage("/SignIn");
        }
        var result = await admin.PostAsync<NoContent>("api/admin/auth/logout-everywhere", null, ct);
        if (!result.IsSuccess)
        {
            // Not signed out at admin: say so rather than pretend, and keep this session so they can try again.
            return Refused(result.Problem!);
        }
        await sessions.EndAllAsync(current.Session.StaffId, ct);
        SessionCookie.Delete(HttpContext);
        return RedirectToPage("/SignIn", new { done = "signed-out-everywhere" });
    }

    private static async Task TryAsync(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (SessionEndedException)
        {
            // Already over at admin: nothing more to end there.
        }
    }
}
