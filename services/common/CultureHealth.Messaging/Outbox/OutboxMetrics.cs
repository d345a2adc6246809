using System.Diagnostics.Metrics;

namespace CultureHealth.Messaging.Outbox;

public sealed class OutboxMetrics
{
    public const string MeterName = "CultureHealth.Messaging";

    private readonly Counter<long> _published;
    private readonly Counter<long> _failed;
    private readonly Histogram<double> _delay;
    private readonly TimeProvider _clock;
    private volatile BacklogSample? _backlog;

    public OutboxMetrics(IMeterFactory meters, TimeProvider clock)
    {
        _clock = clock;
        var meter = meters.Create(MeterName);
        _published = meter.CreateCounter<long>("culturehealth.outbox.published", "{message}", "Outbox messages published to the broker");
        _failed = meter.CreateCounter<long>("culturehealth.outbox.publish_failures", "{message}", "Outbox publish attempts that failed");
        _delay = meter.CreateHistogram<double>("culturehealth.outbox.delivery_delay", "s", "Time from commit to broker confirm");
        // Nothing is reported until the first sample, so a service that cannot read its table shows a gap, not a false zero.
        meter.CreateObservableGauge("culturehealth.outbox.backlog", ObserveBacklog, "{message}", "Outbox messages committed but not yet published");
        meter.CreateObservableGauge("culturehealth.outbox.oldest_unsent_age", ObserveOldestAge, "s", "Age of the oldest outbox message not yet published (0 when none)");
    }

    /// <summary>What <see cref="OutboxBacklogSampler{TDbContext}"/> last read from the outbox table.</summary>
    public void ReportBacklog(long unsent, DateTimeOffset? oldestCreatedAt) => _backlog = new BacklogSample(unsent, oldestCreatedAt);

    private IEnumerable<Measurement<long>> ObserveBacklog() =>
        _backlog is { } sample ? [new Measurement<long>(sample.Unsent)] : [];

    // The age grows between samples, so a stuck relay shows a rising line rather than a staircase.
    private IEnumerable<Measurement<double>> ObserveOldestAge() => _backlog switch
    {
        null => [],
        { OldestCreatedAt: { } oldest } => [new Measurement<double>(Math.Max(0, (_clock.GetUtcNow() - oldest).TotalSeconds))],
        _ => [new Measurement<double>(0)],
    };

    private sealed record BacklogSample(long Unsent, DateTimeOffset? OldestCreatedAt);

    public void Published(string messageType, TimeSpan delay)
    {
        var tag = new KeyValuePair<string, object?>("messaging.message.type", ShortName(messageType));
        _published.Add(1, tag);
        _delay.Record(delay.TotalSeconds, tag);
    }

    public void PublishFailed(string messageType) =>
        _failed.Add(1, new KeyValuePair<string, object?>("messaging.message.type", ShortName(messageType)));

    private static string ShortName(string messageType)
    {
        var comma = messageType.IndexOf(',', StringComparison.Ordinal);
        var full = comma < 0 ? messageType : messageType[..comma];
        return full[(full.LastIndexOf('.') + 1)..];
    }
}
