using System.Security.Claims;
using CultureHealth.ServiceDefaults.Auth;

namespace CultureHealth.Booking.Application;

/// <summary>Admin and reception run every diary; a practitioner runs only their own (token claim practitioner_id).</summary>
internal static class DiaryAccess
{
    public static bool MayManage(ClaimsPrincipal user, Guid practitionerId) =>
        user.IsInRole(StaffRoles.Admin) || user.IsInRole(StaffRoles.Reception) || OwnPractitionerId(user) == practitionerId;

    public static Guid? OwnPractitionerId(ClaimsPrincipal user) =>
        user.IsInRole(StaffRoles.Practitioner) && Guid.TryParse(user.FindFirst(StaffClaims.PractitionerId)?.Value, out var id) ? id : null;

    /// <summary>
    /// Whose diary a read covers: <paramref name="requested"/> when the user may see it (else 403); for no request,
    /// everyone (null) for admin and reception, and a practitioner's own (the only one they may see).
    /// </summary>
    public static Guid? ScopeOf(ClaimsPrincipal user, Guid? requested)
    {
        if (requested is { } one)
        {
            Require(user, one);
            return one;
        }

        return MayManage(user, Guid.Empty) ? null : OwnPractitionerId(user) ?? throw BookingProblems.NoLinkedPractitioner();
    }

    public static void Require(ClaimsPrincipal user, Guid practitionerId)
    {
        if (!MayManage(user, practitionerId))
        {
            throw BookingProblems.NotYourDiary();
        }
    }
}
