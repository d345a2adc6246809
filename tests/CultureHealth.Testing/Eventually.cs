namespace CultureHealth.Testing;

/// <summary>Polls until a condition holds or a deadline passes; tests never sleep for a fixed time.</summary>
public static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan? within = null, string? because = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(30));
        var delay = TimeSpan.FromMilliseconds(20);
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Condition not met within {within ?? TimeSpan.FromSeconds(30)}: {because ?? "(no description)"}; last value: {value}");
            }
            await Task.Delay(delay);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 500));
        }
    }

    public static Task TrueAsync(Func<Task<bool>> probe, TimeSpan? within = null, string? because = null) =>
        GetAsync(probe, ok => ok, within, because);

    public static Task TrueAsync(Func<bool> probe, TimeSpan? within = null, string? because = null) =>
        GetAsync(() => Task.FromResult(probe()), ok => ok, within, because);

    /// <summary>
    /// Polls a condition that holds now for a quiet period, failing the moment it stops holding: how a test
    /// shows that something which must not happen (a second delivery) did not happen late.
    /// </summary>
    public static async Task HoldsAsync(Func<bool> probe, TimeSpan quietPeriod, string because)
    {
        var end = DateTime.UtcNow + quietPeriod;
        while (true)
        {
            if (!probe())
            {
                throw new Xunit.Sdk.XunitException($"Stopped holding within a quiet period of {quietPeriod}: {because}");
            }
            if (DateTime.UtcNow > end)
            {
                return;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }
}
