using CultureHealth.ServiceDefaults.Problems;

namespace CultureHealth.Admin.Application;

/// <summary>The problems admin's use cases produce; the shared exception handler writes them (one error path).</summary>
public static class AdminProblems
{
    private const string TypeBase = "https://culturehealth.example/problems/admin/";

    /// <summary>Wrong password, unknown email and disabled account answer alike, so the answer reveals no account.</summary>
    public static ProblemException SignInFailed() => new(StatusCodes.Status401Unauthorized, "Sign-in failed",
        "The email or password is not right, or the account is not active.", type: TypeBase + "sign-in-failed");

    /// <summary>The same answer for known and unknown emails: the back-off is counted for both.</summary>
    public static ProblemException TooManyAttempts(TimeSpan retryAfter) => new(StatusCodes.Status429TooManyRequests, "Too many failed attempts",
        $"Too many failed sign-ins for this account or from this network. Wait {Seconds(retryAfter)} seconds, then try again. "
        + "If you have forgotten your password, ask a clinic administrator to set a new one.", type: TypeBase + "back-off")
    {
        RetryAfter = retryAfter,
    };

    public static ProblemException RefreshRefused() => new(StatusCodes.Status401Unauthorized, "Refresh refused",
        "The refresh token is not valid, has expired or was revoked, the session is over, or the account is disabled. Sign in again.",
        type: TypeBase + "refresh-refused");

    public static ProblemException NotCurrentPassword() => ProblemException.Invalid("currentPassword", "Not your current password.");

    public static ProblemException PasswordRefused(string field, IReadOnlyList<string> problems) =>
        ProblemException.Invalid(field, string.Join(" ", problems));

    public static ProblemException EmailInUse() => new(StatusCodes.Status409Conflict, "Email already in use",
        "A staff account with this email exists.", field: "email");

    public static ProblemException OwnAccess(string field, string detail) => new(StatusCodes.Status409Conflict,
        "Not on your own account", detail, field: field, type: TypeBase + "own-access");

    public static ProblemException StaffNotFound() => ProblemException.NotFound("The staff account");

    private static long Seconds(TimeSpan wait) => Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds));
}
