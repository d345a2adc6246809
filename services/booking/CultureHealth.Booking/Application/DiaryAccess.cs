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

    public static void Require(ClaimsPrincipal user, Guid practitionerId)
    {
        if (!MayManage(user, practitionerId))
        {
            throw BookingProblems.NotYourDiary();
        }
    }
}
