using System.Diagnostics.Metrics;

namespace CultureHealth.Messaging.Outbox;

public sealed class OutboxMetrics
{
    public const string MeterName = "CultureHealth.Messaging";

    private readonly Counter<long> _published;
    private readonly Counter<long> _failed;
    private readonly Histogram<double> _delay;

    public OutboxMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _published = meter.CreateCounter<long>("culturehealth.outbox.published", "{message}", "Outbox messages published to the broker");
        _failed = meter.CreateCounter<long>("culturehealth.outbox.publish_failures", "{message}", "Outbox publish attempts that failed");
        _delay = meter.CreateHistogram<double>("culturehealth.outbox.delivery_delay", "s", "Time from commit to broker confirm");
    }

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
