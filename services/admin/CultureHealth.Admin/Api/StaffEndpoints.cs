using System.Security.Claims;
using System.Text.Json;
using CultureHealth.Admin.Data;
using CultureHealth.Admin.Domain;
using CultureHealth.Admin.Staff;
using CultureHealth.ServiceDefaults.Auth;
using CultureHealth.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CultureHealth.Admin.Api;

public sealed record CreateStaffRequest(string? Email, string? Name, string? Password, List<string>? Roles, Guid? PractitionerId);
public sealed record UpdateStaffRequest(string? Name, List<string>? Roles, Guid? PractitionerId, bool? Disabled);
public sealed record AuditEntryDto(long Id, DateTimeOffset At, Guid? StaffId, string StaffEmail, string Action, string Target, int Status, string? Details);

/// <summary>Staff accounts (admins only) and the audit trail.</summary>
public static class StaffEndpoints
{
    public static IEndpointRouteBuilder MapStaffApi(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/api/admin/staff").WithTags("Staff accounts").RequireAuthorization(StaffPolicies.Admin);
        staff.MapGet("/", async (AdminDbContext db, CancellationToken ct) =>
            TypedResults.Ok((await db.StaffUsers.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct)).Select(StaffAccounts.Summary)));
        staff.MapPost("/", Create);
        staff.MapPut("/{id:guid}", Update);

        app.MapGet("/api/admin/audit", QueryAudit).WithTags("Audit").RequireAuthorization(StaffPolicies.Admin);
        return app;
    }

    private static async Task<Results<Created<StaffSummary>, ValidationProblem, ProblemHttpResult>> Create(
        CreateStaffRequest body, ClaimsPrincipal user, AdminDbContext db, StaffAccounts accounts, AuditLog audit,
        IOptions<AdminOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var v = new RequestValidator().Email("email", body.Email).Required("name", body.Name, 120).Required("password", body.Password, 200);
        if (body.Password is { } p && p.Length < options.Value.MinimumPasswordLength)
        {
            v.Add("password", $"At least {options.Value.MinimumPasswordLength} characters.");
        }
        ValidateRoles(v, body.Roles);
        if (v.Failed)
        {
            return v.Problem();
        }
        var email = StaffAccounts.NormaliseEmail(body.Email!);
        if (await db.StaffUsers.AnyAsync(u => u.Email == email, ct))
        {
            return TypedResults.Problem(title: "Email already in use", statusCode: StatusCodes.Status409Conflict,
                detail: "A staff account with this email exists.", extensions: new Dictionary<string, object?> { ["field"] = "email" });
        }
        var staff = new StaffUser
        {
            Id = Guid.NewGuid(), Email = email, Name = body.Name!.Trim(), Roles = body.Roles!.Distinct().ToList(),
            PractitionerId = body.PractitionerId, CreatedAt = clock.GetUtcNow(),
        };
        staff.PasswordHash = accounts.HashPassword(staff, body.Password!);
        db.StaffUsers.Add(staff);
        audit.Add(user, "staff.create", staff.Id.ToString(), StatusCodes.Status201Created,
            JsonSerializer.Serialize(new { staff.Email, staff.Name, staff.Roles, staff.PractitionerId }));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/admin/staff/{staff.Id}", StaffAccounts.Summary(staff));
    }

    private static async Task<Results<Ok<StaffSummary>, NotFound, ValidationProblem>> Update(
        Guid id, UpdateStaffRequest body, ClaimsPrincipal user, AdminDbContext db, StaffAccounts accounts, AuditLog audit,
        TimeProvider clock, CancellationToken ct)
    {
        var v = new RequestValidator().Optional("name", body.Name, 120);
        if (body.Roles is not null)
        {
            ValidateRoles(v, body.Roles);
        }
        if (v.Failed)
        {
            return v.Problem();
        }
        var staff = await db.StaffUsers.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (staff is null)
        {
            return TypedResults.NotFound();
        }
        var before = JsonSerializer.Serialize(new { staff.Name, staff.Roles, staff.PractitionerId, staff.Disabled });
        staff.Name = body.Name?.Trim() ?? staff.Name;
        staff.Roles = body.Roles?.Distinct().ToList() ?? staff.Roles;
        staff.PractitionerId = body.PractitionerId ?? staff.PractitionerId;
        staff.Disabled = body.Disabled ?? staff.Disabled;
        var after = JsonSerializer.Serialize(new { staff.Name, staff.Roles, staff.PractitionerId, staff.Disabled });
        audit.Add(user, "staff.update", staff.Id.ToString(), StatusCodes.Status200OK, $"{{\"before\":{before},\"after\":{after}}}");
        await db.SaveChangesAsync(ct);
        if (staff.Disabled)
        {
            // A disabled account keeps no session: its refresh tokens die now, its access token within minutes.
            await accounts.RevokeAllAsync(staff.Id, clock.GetUtcNow(), ct);
        }
        return TypedResults.Ok(StaffAccounts.Summary(staff));
    }

    private static async Task<Ok<List<AuditEntryDto>>> QueryAudit(
        AdminDbContext db, Guid? staffId, DateTimeOffset? from, DateTimeOffset? to, string? action, int? page, int? pageSize, CancellationToken ct)
    {
        var size = Math.Clamp(pageSize ?? 50, 1, 200);
        var query = db.AuditEntries.AsNoTracking();
        if (staffId is { } sid) query = query.Where(a => a.StaffId == sid);
        if (from is { } f) query = query.Where(a => a.At >= f);
        if (to is { } t) query = query.Where(a => a.At < t);
        if (!string.IsNullOrWhiteSpace(action)) query = query.Where(a => a.Action.StartsWith(action));
        var entries = await query.OrderByDescending(a => a.Id).Skip((Math.Max(page ?? 1, 1) - 1) * size).Take(size)
            .Select(a => new AuditEntryDto(a.Id, a.At, a.StaffId, a.StaffEmail, a.Action, a.Target, a.Status, a.Details)).ToListAsync(ct);
        return TypedResults.Ok(entries);
    }

    private static void ValidateRoles(RequestValidator v, List<string>? roles)
    {
        if (roles is null || roles.Count == 0)
        {
            v.Add("roles", "At least one role.");
        }
        else if (roles.FirstOrDefault(r => !StaffRoles.All.Contains(r)) is { } unknown)
        {
            v.Add("roles", $"Unknown role '{unknown}'. Roles: {string.Join(", ", StaffRoles.All)}.");
        }
    }
}
