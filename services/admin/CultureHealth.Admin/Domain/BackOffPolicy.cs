namespace CultureHealth.Admin.Domain;

/// <summary>
/// Exponential back-off after failed sign-ins, instead of a hard lockout: the first <see cref="FreeFailures"/>
/// failures cost nothing; from then on each failure closes the door for 2, 4, 8 … seconds, never longer than
/// <see cref="MaxDelay"/>. Failures are forgotten after <see cref="ForgetAfter"/> without one.
/// </summary>
public sealed record BackOffPolicy(int FreeFailures, TimeSpan BaseDelay, TimeSpan MaxDelay, TimeSpan ForgetAfter)
{
    /// <summary>How long to refuse after this many failures in a row; null while under the free allowance.</summary>
    public TimeSpan? DelayAfter(int failures)
    {
        if (failures < FreeFailures)
        {
            return null;
        }
        var doublings = Math.Min(failures - FreeFailures + 1, 40);
        var delay = BaseDelay * Math.Pow(2, doublings);
        return delay < MaxDelay ? delay : MaxDelay;
    }
}
