using CultureHealth.Admin.Domain;

namespace CultureHealth.Admin.Tests;

public sealed class SignInPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private readonly SignInPolicy _policy = new(MaxFailedAttempts: 3, LockoutDuration: TimeSpan.FromMinutes(15));

    [Fact]
    public void Locks_after_the_configured_failures_in_a_row_and_only_until_the_lockout_ends()
    {
        var user = new StaffUser();
        _policy.RecordFailure(user, Now);
        _policy.RecordFailure(user, Now);
        Assert.False(_policy.IsLocked(user, Now));

        _policy.RecordFailure(user, Now);
        Assert.True(_policy.IsLocked(user, Now));
        Assert.True(_policy.IsLocked(user, Now.AddMinutes(14)));
        Assert.False(_policy.IsLocked(user, Now.AddMinutes(15)));
    }

    [Fact]
    public void A_success_resets_the_count_so_failures_must_be_in_a_row()
    {
        var user = new StaffUser();
        _policy.RecordFailure(user, Now);
        _policy.RecordFailure(user, Now);
        SignInPolicy.RecordSuccess(user, Now);
        _policy.RecordFailure(user, Now);
        _policy.RecordFailure(user, Now);

        Assert.False(_policy.IsLocked(user, Now));
        Assert.Equal(Now, user.LastSignInAt);
    }
}
