using System.Security.Claims;
using CultureHealth.Admin.Application;
using CultureHealth.Admin.Domain.Passwords;
using CultureHealth.ServiceDefaults.Auth;
using CultureHealth.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CultureHealth.Admin.Api;

public sealed record CreateStaffRequest(string? Email, string? Name, string? Password, List<string>? Roles, Guid? PractitionerId);
/// <summary>Every field optional; <c>password</c> sets a new one (an administrator's reset).</summary>
public sealed record UpdateStaffRequest(string? Name, List<string>? Roles, Guid? PractitionerId, bool? Disabled, string? Password);

/// <summary>Staff accounts (admins only) and the audit trail.</summary>
public static class StaffEndpoints
{
    public static IEndpointRouteBuilder MapStaffApi(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/api/admin/staff").WithTags("Staff accounts").RequireAuthorization(StaffPolicies.Admin);
        staff.MapGet("/", async (StaffDirectory directory, CancellationToken ct) => TypedResults.Ok(await directory.ListAsync(ct)));
        staff.MapPost("/", Create);
        staff.MapPut("/{id:guid}", Update);

        app.MapGet("/api/admin/audit", async ([AsParameters] AuditQuery query, StaffDirectory directory, CancellationToken ct) =>
            TypedResults.Ok(await directory.AuditAsync(query, ct))).WithTags("Audit").RequireAuthorization(StaffPolicies.Admin);
        return app;
    }

    private static async Task<Results<Created<StaffSummary>, ValidationProblem>> Create(
        CreateStaffRequest body, ClaimsPrincipal user, StaffDirectory directory, CancellationToken ct)
    {
        var v = new RequestValidator().Email("email", body.Email).Required("name", body.Name, 120)
            .Required("password", body.Password, PasswordPolicy.MaximumLength);
        ValidateRoles(v, body.Roles);
        if (v.Failed)
        {
            return v.Problem();
        }
        var created = await directory.CreateAsync(user, new NewStaff(body.Email!, body.Name!, body.Password!, body.Roles!, body.PractitionerId), ct);
        return TypedResults.Created($"/api/admin/staff/{created.Id}", created);
    }

    private static async Task<Results<Ok<StaffSummary>, ValidationProblem>> Update(
        Guid id, UpdateStaffRequest body, ClaimsPrincipal user, StaffDirectory directory, CancellationToken ct)
    {
        var v = new RequestValidator().Optional("name", body.Name, 120).Optional("password", body.Password, PasswordPolicy.MaximumLength);
        if (body.Roles is not null)
        {
            ValidateRoles(v, body.Roles);
        }
        if (v.Failed)
        {
            return v.Problem();
        }
        return TypedResults.Ok(await directory.UpdateAsync(user, id,
            new StaffChanges(body.Name, body.Roles, body.PractitionerId, body.Disabled, body.Password), ct));
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
