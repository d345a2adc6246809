using System.Diagnostics.Metrics;

namespace CultureHealth.Notifications.Telemetry;

/// <summary>
/// How long after its event each email left the worker: the measurement behind the "email arrives after its event"
/// service level (deploy/observability/slos.yaml). Exported as culturehealth_notifications_email_delay_seconds.
/// </summary>
public sealed class NotificationsMetrics
{
    public const string MeterName = "CultureHealth.Notifications";

    /// <summary>
    /// Seconds to minutes: a healthy email goes within a second or two; SMTP retries take seconds; a broker or relay
    /// outage holds events for minutes. 60 is a boundary because the objective is "within a minute".
    /// </summary>
    public static readonly IReadOnlyList<double> DelayBuckets = [0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600, 1800, 3600];

    private readonly Histogram<double> _emailDelay;

    public NotificationsMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _emailDelay = meter.CreateHistogram(
            "culturehealth.notifications.email_delay", "s",
            "Time from the event an email answers (its OccurredAt) to the email being handed to the mail server, by message kind",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DelayBuckets });
    }

    /// <param name="kind">One of MessageKinds: a fixed list, so the series stay few.</param>
    /// <param name="delay">Negative when the producer's clock runs ahead of ours: recorded as 0, never as a negative that would pull the sum down.</param>
    public void EmailSent(string kind, TimeSpan delay) =>
        _emailDelay.Record(Math.Max(0, delay.TotalSeconds), new KeyValuePair<string, object?>("culturehealth.email.kind", kind));
}
