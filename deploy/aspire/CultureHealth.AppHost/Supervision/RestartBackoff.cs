namespace CultureHealth.AppHost.Supervision;

/// <summary>
/// How long to wait before starting a process that exited: at once the first time, then 1, 2, 4 … 30 s while it
/// keeps dying soon after starting (a crash loop must not eat the machine); once it has stayed up for
/// <see cref="StableAfter"/> it counts as recovered and the next exit is restarted at once again.
/// </summary>
internal sealed class RestartBackoff
{
    public TimeSpan StableAfter { get; init; } = TimeSpan.FromSeconds(60);
    public TimeSpan Longest { get; init; } = TimeSpan.FromSeconds(30);

    /// <param name="quickExitsInARow">Exits so far that came less than <see cref="StableAfter"/> after a start,
    /// this one included.</param>
    public TimeSpan DelayBefore(int quickExitsInARow)
    {
        if (quickExitsInARow <= 1)
        {
            return TimeSpan.Zero;
        }
        var seconds = Math.Pow(2, Math.Min(quickExitsInARow - 2, 10));
        return TimeSpan.FromSeconds(Math.Min(seconds, Longest.TotalSeconds));
    }
}
