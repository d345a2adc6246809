using System.ComponentModel.DataAnnotations;
using CultureHealth.BackOffice.AdminApi;
using CultureHealth.BackOffice.Sessions;
using CultureHealth.BackOffice.Web;
using Microsoft.AspNetCore.Mvc;

namespace CultureHealth.BackOffice.Pages.Account;

/// <summary>
/// The member of staff's own account: who they are signed in as, and a password change. Admin ends every
/// session of the account when the password changes, so this one is replaced by a fresh sign-in with the new password.
/// </summary>
public sealed class IndexModel(AdminClient admin, AdminConnection connection, SessionStore sessions) : StaffPageModel
{
    [BindProperty, Required(ErrorMessage = "Enter your current password."), DataType(DataType.Password)]
    [Display(Name = "Current password")]
    public string CurrentPassword { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Enter a new password."), DataType(DataType.Password)]
    [Display(Name = "New password")]
    public string NewPassword { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Enter the new password again."), DataType(DataType.Password)]
    [Compare(nameof(NewPassword), ErrorMessage = "The two new passwords are not the same.")]
    [Display(Name = "New password again")]
    public string ConfirmPassword { get; set; } = "";

    public IReadOnlyList<string> Roles { get; private set; } = [];

    public void OnGet() => Roles = [.. User.FindAll(CultureHealth.ServiceDefaults.Auth.StaffClaims.Role).Select(c => c.Value)];

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        OnGet();
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var current = HttpContext.Features.Get<CurrentSession>()!;
        var changed = await admin.PostAsync<NoContent>("api/admin/auth/password", new { currentPassword = CurrentPassword, newPassword = NewPassword }, ct);
        if (!changed.IsSuccess)
        {
            return Refused(changed.Problem!, new Dictionary<string, string>
            {
                ["currentPassword"] = nameof(CurrentPassword),
                ["newPassword"] = nameof(NewPassword),
            });
        }

        // Admin revoked every refresh token of the account; end every session here too, then sign this browser in again.
        await sessions.EndAllAsync(current.Session.StaffId, ct);
        SessionCookie.Delete(HttpContext);
        var again = await connection.SendAsync<StaffTokens>(HttpMethod.Post, "api/admin/auth/login",
            new { email = current.Session.Email, password = NewPassword }, null, null, ct);
        if (again.Value is { } tokens)
        {
            SessionCookie.Write(HttpContext, await sessions.CreateAsync(tokens, ct));
            return Done("password-changed");
        }
        return RedirectToPage("/SignIn", new { done = "password-changed" });
    }
}
