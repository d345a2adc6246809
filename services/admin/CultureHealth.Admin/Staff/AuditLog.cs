using System.Security.Claims;
using CultureHealth.Admin.Data;
using CultureHealth.Admin.Domain;
using CultureHealth.ServiceDefaults.Auth;

namespace CultureHealth.Admin.Staff;

/// <summary>Who did what, when: every staff change passes through here.</summary>
public sealed class AuditLog(AdminDbContext db, TimeProvider clock)
{
    public const int MaxDetailsLength = 8000;

    /// <summary>Adds an entry to the unit of work; the caller's SaveChanges commits it with the change.</summary>
    public void Add(ClaimsPrincipal staff, string action, string target, int status, string? details = null) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            StaffId = Guid.TryParse(staff.FindFirstValue(StaffClaims.Subject), out var id) ? id : null,
            StaffEmail = staff.FindFirstValue(StaffClaims.Email) ?? "anonymous",
            Action = action,
            Target = target,
            Status = status,
            Details = details is { Length: > MaxDetailsLength } ? details[..MaxDetailsLength] : details,
        });

    public async Task RecordAsync(ClaimsPrincipal staff, string action, string target, int status, string? details, CancellationToken ct)
    {
        Add(staff, action, target, status, details);
        await db.SaveChangesAsync(ct);
    }
}
