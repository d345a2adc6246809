using System.Security.Claims;
using CultureHealth.ServiceDefaults.Auth;

namespace CultureHealth.BackOffice.Web;

/// <summary>
/// Whose diary a member of staff may open: admins and reception every one; a practitioner only their own.
/// The same rule booking applies to every call (so this only decides what to show, and the 403 page).
/// </summary>
public static class DiaryAccess
{
    public static bool RunsEveryDiary(ClaimsPrincipal user) => user.IsInRole(StaffRoles.Admin) || user.IsInRole(StaffRoles.Reception);

    /// <summary>The practitioner whose diary this user is limited to, or null for reception and admins.</summary>
    public static Guid? OwnOnly(ClaimsPrincipal user) =>
        RunsEveryDiary(user) ? null
        : Guid.TryParse(user.FindFirstValue(StaffClaims.PractitionerId), out var id) ? id : Guid.Empty;

    public static bool MayOpen(ClaimsPrincipal user, Guid practitionerId) => OwnOnly(user) is not { } own || own == practitionerId;
}
