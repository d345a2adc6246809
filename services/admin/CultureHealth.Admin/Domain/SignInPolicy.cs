namespace CultureHealth.Admin.Domain;

public enum SignInOutcome { Success, WrongCredentials, LockedOut, Disabled }

/// <summary>
/// Lockout after repeated failures, as staff expect from any back office: N wrong passwords in a row
/// lock the account for a while; a success resets the count.
/// </summary>
public sealed record SignInPolicy(int MaxFailedAttempts, TimeSpan LockoutDuration)
{
    public bool IsLocked(StaffUser user, DateTimeOffset now) => user.LockedUntil is { } until && until > now;

    public void RecordFailure(StaffUser user, DateTimeOffset now)
    {
        user.FailedSignIns++;
        if (user.FailedSignIns >= MaxFailedAttempts)
        {
            user.LockedUntil = now + LockoutDuration;
            user.FailedSignIns = 0;
        }
    }

    public static void RecordSuccess(StaffUser user, DateTimeOffset now)
    {
        user.FailedSignIns = 0;
        user.LockedUntil = null;
        user.LastSignInAt = now;
    }
}
