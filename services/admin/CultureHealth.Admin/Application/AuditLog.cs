using System.Security.Claims;
using CultureHealth.Admin.Data;
using CultureHealth.Admin.Domain;
using CultureHealth.ServiceDefaults.Auth;

namespace CultureHealth.Admin.Application;

/// <summary>Who did what, when and from where: every staff change, patient-data read and sign-in failure passes through here.</summary>
public sealed class AuditLog(AdminDbContext db, TimeProvider clock, IHttpContextAccessor http)
{
    public const int MaxDetailsLength = 64_000; // room for a resource before and after (ResourceSnapshots) and what was sent

    /// <summary>Adds an entry to the unit of work; the caller's SaveChanges commits it with the change.</summary>
    public void Add(ClaimsPrincipal staff, string action, string target, int status, string? details = null) =>
        Add(Guid.TryParse(staff.FindFirstValue(StaffClaims.Subject), out var id) ? id : null,
            staff.FindFirstValue(StaffClaims.Email) ?? "anonymous", action, target, status, details);

    /// <summary>For events without a signed-in actor (sign-in attempts): the email is the one that was tried.</summary>
    public void Add(Guid? staffId, string email, string action, string target, int status, string? details = null) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            StaffId = staffId,
            StaffEmail = email.Length > 254 ? email[..254] : email,
            Action = action,
            Target = target.Length > 500 ? target[..500] : target,
            Status = status,
            Details = details is { Length: > MaxDetailsLength } ? details[..MaxDetailsLength] : details,
            ClientAddress = http.HttpContext?.Connection.RemoteIpAddress?.ToString(),
        });

    public async Task RecordAsync(ClaimsPrincipal staff, string action, string target, int status, string? details, CancellationToken ct)
    {
        Add(staff, action, target, status, details);
        await db.SaveChangesAsync(ct);
    }
}
