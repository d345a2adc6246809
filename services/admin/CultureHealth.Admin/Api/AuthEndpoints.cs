using System.Security.Claims;
using CultureHealth.Admin.Domain;
using CultureHealth.Admin.Staff;
using CultureHealth.ServiceDefaults.Auth;
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
        auth.MapPost("/login", SignIn).AllowAnonymous().RequireRateLimiting(SignInRateLimit);
        auth.MapPost("/refresh", Refresh).AllowAnonymous().RequireRateLimiting(SignInRateLimit);
        auth.MapPost("/logout", SignOut).RequireAuthorization(StaffPolicies.AnyStaff);
        auth.MapPost("/password", ChangePassword).RequireAuthorization(StaffPolicies.AnyStaff);
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

    private static async Task<Results<Ok<StaffSession>, ValidationProblem, ProblemHttpResult>> SignIn(
        SignInRequest body, StaffAccounts accounts, CancellationToken ct)
    {
        var v = new RequestValidator().Required("email", body.Email, 254).Required("password", body.Password, 200);
        if (v.Failed)
        {
            return v.Problem();
        }
        var result = await accounts.SignInAsync(body.Email!, body.Password!, ct);
        return result.Outcome switch
        {
            SignInOutcome.Success => TypedResults.Ok(result.Session!),
            SignInOutcome.LockedOut => TypedResults.Problem(
                title: "Account locked", statusCode: StatusCodes.Status423Locked,
                detail: $"Too many failed sign-ins. Try again after {result.LockedUntil:O}."),
            // Disabled and wrong credentials answer alike so the endpoint does not reveal accounts.
            _ => TypedResults.Problem(title: "Sign-in failed", statusCode: StatusCodes.Status401Unauthorized,
                detail: "The email or password is not right, or the account is not active."),
        };
    }

    private static async Task<Results<Ok<StaffSession>, ValidationProblem, ProblemHttpResult>> Refresh(
        RefreshRequest body, StaffAccounts accounts, CancellationToken ct)
    {
        var v = new RequestValidator().Required("refreshToken", body.RefreshToken, 200);
        if (v.Failed)
        {
            return v.Problem();
        }
        return await accounts.RefreshAsync(body.RefreshToken!, ct) is { } session
            ? TypedResults.Ok(session)
            : TypedResults.Problem(title: "Refresh refused", statusCode: StatusCodes.Status401Unauthorized,
                detail: "The refresh token is not valid, has expired or was revoked, or the account is disabled.");
    }

    private static async Task<Results<NoContent, ValidationProblem>> SignOut(
        RefreshRequest body, ClaimsPrincipal user, StaffAccounts accounts, CancellationToken ct)
    {
        var v = new RequestValidator().Required("refreshToken", body.RefreshToken, 200);
        if (v.Failed)
        {
            return v.Problem();
        }
        await accounts.SignOutAsync(Guid.Parse(user.FindFirstValue(StaffClaims.Subject)!), body.RefreshToken!, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ValidationProblem>> ChangePassword(
        PasswordChangeRequest body, ClaimsPrincipal user, StaffAccounts accounts, AuditLog audit,
        Microsoft.Extensions.Options.IOptions<AdminOptions> options, CancellationToken ct)
    {
        var v = new RequestValidator().Required("currentPassword", body.CurrentPassword, 200).Required("newPassword", body.NewPassword, 200);
        if (body.NewPassword is { } next && next.Length < options.Value.MinimumPasswordLength)
        {
            v.Add("newPassword", $"At least {options.Value.MinimumPasswordLength} characters.");
        }
        if (v.Failed)
        {
            return v.Problem();
        }
        var staffId = Guid.Parse(user.FindFirstValue(StaffClaims.Subject)!);
        if (!await accounts.ChangePasswordAsync(staffId, body.CurrentPassword!, body.NewPassword!, ct))
        {
            return new RequestValidator().Add("currentPassword", "Not your current password.").Problem();
        }
        await audit.RecordAsync(user, "staff.password-change", staffId.ToString(), StatusCodes.Status204NoContent, null, ct);
        return TypedResults.NoContent();
    }
}
