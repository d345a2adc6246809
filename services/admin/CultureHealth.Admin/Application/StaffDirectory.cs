using System.Security.Claims;
using System.Text.Json;
using CultureHealth.Admin.Data;
using CultureHealth.Admin.Domain;
using CultureHealth.Admin.Domain.Passwords;
using CultureHealth.ServiceDefaults.Auth;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Admin.Application;

public sealed record NewStaff(string Email, string Name, string Password, IReadOnlyList<string> Roles, Guid? PractitionerId);
public sealed record StaffChanges(string? Name, IReadOnlyList<string>? Roles, Guid? PractitionerId, bool? Disabled, string? Password);
public sealed record AuditEntryDto(long Id, DateTimeOffset At, Guid? StaffId, string StaffEmail, string Action, string Target, int Status, string? Details, string? ClientAddress);
public sealed record AuditQuery(Guid? StaffId, DateTimeOffset? From, DateTimeOffset? To, string? Action, int? Page, int? PageSize);

/// <summary>Staff accounts (admins only) and the audit trail. Every change is audited in the same transaction.</summary>
public sealed class StaffDirectory(AdminDbContext db, StaffSessions sessions, SecurityStamps stamps, PasswordPolicy passwords, AuditLog audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<StaffSummary>> ListAsync(CancellationToken ct) =>
        (await db.StaffUsers.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct)).Select(StaffSessions.Summary).ToList();

    public async Task<StaffSummary> CreateAsync(ClaimsPrincipal actor, NewStaff request, CancellationToken ct)
    {
        var email = StaffSessions.NormaliseEmail(request.Email);
        if (passwords.Problems(request.Password, email) is { Count: > 0 } problems)
        {
            throw AdminProblems.PasswordRefused("password", problems);
        }
        if (await db.StaffUsers.AnyAsync(u => u.Email == email, ct))
        {
            throw AdminProblems.EmailInUse();
        }
        var staff = new StaffUser
        {
            Id = Guid.NewGuid(), Email = email, Name = request.Name.Trim(), Roles = request.Roles.Distinct().ToList(),
            PractitionerId = request.PractitionerId, CreatedAt = clock.GetUtcNow(),
        };
        staff.PasswordHash = sessions.HashPassword(staff, request.Password);
        db.StaffUsers.Add(staff);
        audit.Add(actor, "staff.create", staff.Id.ToString(), StatusCodes.Status201Created,
            JsonSerializer.Serialize(new { staff.Email, staff.Name, staff.Roles, staff.PractitionerId }));
        await db.SaveChangesAsync(ct);
        return StaffSessions.Summary(staff);
    }

    /// <summary>
    /// Disabling, a change of roles or practitioner link, or a new password end the account's access tokens at
    /// once (new security stamp); disabling and a new password also revoke its refresh tokens.
    /// </summary>
    public async Task<StaffSummary> UpdateAsync(ClaimsPrincipal actor, Guid id, StaffChanges changes, CancellationToken ct)
    {
        var staff = await db.StaffUsers.FirstOrDefaultAsync(u => u.Id == id, ct) ?? throw AdminProblems.StaffNotFound();
        if (changes.Password is { } password && passwords.Problems(password, staff.Email) is { Count: > 0 } problems)
        {
            throw AdminProblems.PasswordRefused("password", problems);
        }
        var before = new { staff.Name, staff.Roles, staff.PractitionerId, staff.Disabled };
        RefuseLockingYourselfOut(actor, staff, changes);
        var roles = changes.Roles?.Distinct().ToList() ?? staff.Roles;
        var practitionerId = changes.PractitionerId ?? staff.PractitionerId;
        var disabled = changes.Disabled ?? staff.Disabled;
        var accessChanges = !roles.Order().SequenceEqual(staff.Roles.Order()) || practitionerId != staff.PractitionerId
            || disabled != staff.Disabled || changes.Password is not null;
        var endSessions = (disabled && !staff.Disabled) || changes.Password is not null;

        staff.Name = changes.Name?.Trim() ?? staff.Name;
        staff.Roles = roles;
        staff.PractitionerId = practitionerId;
        staff.Disabled = disabled;
        if (changes.Password is { } newPassword)
        {
            staff.PasswordHash = sessions.HashPassword(staff, newPassword);
        }
        if (accessChanges)
        {
            SecurityStamps.Renew(staff);
        }
        var after = new { staff.Name, staff.Roles, staff.PractitionerId, staff.Disabled, PasswordSet = changes.Password is not null };
        audit.Add(actor, "staff.update", staff.Id.ToString(), StatusCodes.Status200OK,
            $"{{\"before\":{JsonSerializer.Serialize(before)},\"after\":{JsonSerializer.Serialize(after)}}}");
        await db.SaveChangesAsync(ct);
        stamps.Forget(staff.Id);
        if (endSessions)
        {
            await sessions.RevokeAllAsync(staff.Id, clock.GetUtcNow(), ct);
        }
        return StaffSessions.Summary(staff);
    }

    /// <summary>
    /// An administrator may not disable their own account or take away their own admin role: one click would lock
    /// them out, and if they were the last administrator nobody could undo it. Another administrator can.
    /// </summary>
    private static void RefuseLockingYourselfOut(ClaimsPrincipal actor, StaffUser staff, StaffChanges changes)
    {
        if (actor.FindFirstValue(StaffClaims.Subject) != staff.Id.ToString())
        {
            return;
        }
        if (changes.Disabled == true && !staff.Disabled)
        {
            throw AdminProblems.OwnAccess("disabled", "You cannot disable your own account. Ask another administrator.");
        }
        if (changes.Roles is { } roles && staff.Roles.Contains(StaffRoles.Admin) && !roles.Contains(StaffRoles.Admin))
        {
            throw AdminProblems.OwnAccess("roles", "You cannot remove your own admin role. Ask another administrator.");
        }
    }

    public async Task<IReadOnlyList<AuditEntryDto>> AuditAsync(AuditQuery q, CancellationToken ct)
    {
        var size = Math.Clamp(q.PageSize ?? 50, 1, 200);
        var query = db.AuditEntries.AsNoTracking();
        if (q.StaffId is { } sid)
        {
            query = query.Where(a => a.StaffId == sid);
        }
        if (q.From is { } f)
        {
            query = query.Where(a => a.At >= f);
        }
        if (q.To is { } t)
        {
            query = query.Where(a => a.At < t);
        }
        if (!string.IsNullOrWhiteSpace(q.Action))
        {
            query = query.Where(a => a.Action.StartsWith(q.Action));
        }
        return await query.OrderByDescending(a => a.Id).Skip((Math.Max(q.Page ?? 1, 1) - 1) * size).Take(size)
            .Select(a => new AuditEntryDto(a.Id, a.At, a.StaffId, a.StaffEmail, a.Action, a.Target, a.Status, a.Details, a.ClientAddress))
            .ToListAsync(ct);
    }
}
