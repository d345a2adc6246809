using System.ComponentModel.DataAnnotations;

namespace CultureHealth.Messaging.Outbox;

public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Fallback polling when no commit signal arrives (other replicas' rows, retries that fell due).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    [Range(1, 1000)]
    public int BatchSize { get; set; } = 100;

    /// <summary>How long one publish may wait for the broker's confirm before it counts as failed.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the backlog gauges (unsent count, oldest unsent age) read the outbox table.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan BacklogSampleInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a sent row stays (for investigation) before it is deleted. Events can carry
    /// secrets meant for one recipient (a booking's manage token for its confirmation email), so
    /// they must not linger, and the table must not grow without end.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "30.00:00:00")]
    public TimeSpan SentRetention { get; set; } = TimeSpan.FromHours(1);

    [Range(typeof(TimeSpan), "00:00:00.050", "1.00:00:00")]
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromMinutes(5);

    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Exponential back-off with a cap: 250 ms, 500 ms, 1 s, ... up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay(int attempts)
    {
        var factor = Math.Pow(2, Math.Min(attempts, 20));
        var delay = TimeSpan.FromMilliseconds(FirstRetryDelay.TotalMilliseconds * factor);
        return delay < MaxRetryDelay ? delay : MaxRetryDelay;
    }
}
