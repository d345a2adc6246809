using CultureHealth.ServiceDefaults.Auth;

namespace CultureHealth.Admin.Domain;

/// <summary>
/// Which parts of the dashboard a member of staff may see: exactly what their own APIs would show them.
/// The diary (patients' names) is for reception and practitioners (a practitioner only their own), comments
/// awaiting moderation for editors, orders (customers' emails), stock and revenue for shop managers; an admin
/// sees everything. Several roles see the union.
/// </summary>
public sealed record DashboardAccess(bool Diary, Guid? OwnDiaryOf, bool Moderation, bool Shop)
{
    public static DashboardAccess For(IReadOnlyCollection<string> roles, Guid? practitionerId)
    {
        bool Has(string role) => roles.Contains(role);
        var admin = Has(StaffRoles.Admin);
        var wholeDiary = admin || Has(StaffRoles.Reception);
        var ownDiary = !wholeDiary && Has(StaffRoles.Practitioner);
        return new DashboardAccess(
            Diary: wholeDiary || ownDiary,
            // A practitioner account not linked to a diary sees no one's bookings.
            OwnDiaryOf: ownDiary ? practitionerId ?? Guid.Empty : null,
            Moderation: admin || Has(StaffRoles.Editor),
            Shop: admin || Has(StaffRoles.ShopManager));
    }
}
