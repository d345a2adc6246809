namespace CultureHealth.BackOffice.AdminApi;

// Admin's own staff-account and audit API (admins only): /api/admin/staff and /api/admin/audit.

/// <summary>One audit entry: who (email at the time), what (e.g. "POST /booking/bookings", "staff.update"), when, and the details.</summary>
public sealed record AuditEntry(
    long Id, DateTimeOffset At, Guid? StaffId, string StaffEmail, string Action, string Target, int Status, string? Details, string? ClientAddress);

/// <summary>The roles an account may have, as an administrator reads them, in admin's wire names.</summary>
public static class StaffRoleNames
{
    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>
    {
        ["reception"] = "Reception (the whole diary)",
        ["practitioner"] = "Practitioner (their own diary)",
        ["editor"] = "Editor (articles and comments)",
        ["shop-manager"] = "Shop manager (orders, products, coupons)",
        ["admin"] = "Administrator (everything, staff and audit)",
    };

    public static string Of(string role) => All.TryGetValue(role, out var name) ? name[..(name.IndexOf(" (", StringComparison.Ordinal) is > 0 and var i ? i : name.Length)] : role;
}
