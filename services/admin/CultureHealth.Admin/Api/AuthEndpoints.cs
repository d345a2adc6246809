using System.Security.Claims;
using CultureHealth.Admin.Application;
using CultureHealth.Admin.Domain.Passwords;
using CultureHealth.ServiceDefaults.Auth;
using CultureHealth.ServiceDefaults.Http;
using CultureHealth.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CultureHealth.Admin.Api;

public sealed record SignInRequest(string? Email, string? Password);
public sealed record RefreshRequest(string? RefreshToken);
public sealed record PasswordChangeRequest(string? CurrentPassword, string? NewPassword);

public static class AuthEndpoints
{
    public const string SignInRateLimit = "sign-in";

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/admin/auth").WithTags("Staff sign-in");
        auth.MapPost("/login", SignIn).AllowAnonymous().RequireRateLimiting(SignInRateLimit).WithNoStore();
        auth.MapPost("/refresh", Refresh).AllowAnonymous().RequireRateLimiting(SignInRateLimit).WithNoStore();
        auth.MapPost("/logout", SignOut).RequireAuthorization(StaffPolicies.AnyStaff);
        auth.MapPost("/logout-everywhere", async Task<NoContent> (ClaimsPrincipal user, StaffSessions sessions, CancellationToken ct) =>
        {
            await sessions.SignOutEverywhereAsync(user, StaffId(user), ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(StaffPolicies.AnyStaff);
        auth.MapPost("/password", ChangePassword).RequireAuthorization(StaffPolicies.AnyStaff).RequireRateLimiting(SignInRateLimit);
        app.MapGet("/api/admin/me", (ClaimsPrincipal user) => TypedResults.Ok(new
        {
            id = user.FindFirstValue(StaffClaims.Subject),
            email = user.FindFirstValue(StaffClaims.Email),
            name = user.FindFirstValue(StaffClaims.Name),
            roles = user.FindAll(StaffClaims.Role).Select(c => c.Value),
            practitionerId = user.FindFirstValue(StaffClaims.PractitionerId),
        })).RequireAuthorization(StaffPolicies.AnyStaff).WithTags("Staff sign-in");
        return app;
    }

    private static async Task<Results<Ok<StaffSession>, ValidationProblem>> SignIn(
        SignInRequest body, HttpContext context, StaffSessions sessions, CancellationToken ct)
    {
        var v = new RequestValidator().Required("email", body.Email, 254).Required("password", body.Password, PasswordPolicy.MaximumLength);
        if (v.Failed)
        {
            return v.Problem();
        }
        return TypedResults.Ok(await sessions.SignInAsync(body.Email!, body.Password!, context.Connection.RemoteIpAddress, ct));
    }

    private static async Task<Results<Ok<StaffSession>, ValidationProblem>> Refresh(RefreshRequest body, StaffSessions sessions, CancellationToken ct)
    {
        var v = new RequestValidator().Required("refreshToken", body.RefreshToken, 200);
        if (v.Failed)
        {
            return v.Problem();
        }
        return TypedResults.Ok(await sessions.RefreshAsync(body.RefreshToken!, ct));
    }

    private static async Task<Results<NoContent, ValidationProblem>> SignOut(
        RefreshRequest body, ClaimsPrincipal user, StaffSessions sessions, CancellationToken ct)
    {
        var v = new RequestValidator().Required("refreshToken", body.RefreshToken, 200);
        if (v.Failed)
        {
            return v.Problem();
        }
        await sessions.SignOutAsync(StaffId(user), body.RefreshToken!, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ValidationProblem>> ChangePassword(
        PasswordChangeRequest body, ClaimsPrincipal user, HttpContext context, StaffSessions sessions, CancellationToken ct)
    {
        var v = new RequestValidator().Required("currentPassword", body.CurrentPassword, PasswordPolicy.MaximumLength)
            .Required("newPassword", body.NewPassword, PasswordPolicy.MaximumLength);
        if (v.Failed)
        {
            return v.Problem();
        }
        await sessions.ChangePasswordAsync(user, StaffId(user), body.CurrentPassword!, body.NewPassword!, context.Connection.RemoteIpAddress, ct);
        return TypedResults.NoContent();
    }

    private static Guid StaffId(ClaimsPrincipal user) => Guid.Parse(user.FindFirstValue(StaffClaims.Subject)!);
}
