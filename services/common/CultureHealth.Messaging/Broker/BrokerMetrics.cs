using System.Diagnostics.Metrics;
using CultureHealth.Messaging.Outbox;

namespace CultureHealth.Messaging.Broker;

/// <summary>
/// What the broker says about this service's queues: messages waiting in each input queue (consumer lag)
/// and in its "_error" queue (messages that failed every retry and need an operator), and whether the
/// broker answered at all. Read by <see cref="BrokerQueueSampler"/> with passive queue declares, so it
/// works on a plain RabbitMQ node without the management or Prometheus plugins.
/// </summary>
public sealed class BrokerMetrics
{
    public const string InputRole = "input";
    public const string ErrorRole = "error";

    private volatile BrokerSample? _sample;

    public BrokerMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(OutboxMetrics.MeterName);
        meter.CreateObservableGauge("culturehealth.messaging.queue.messages", ObserveQueues, "{message}",
            "Messages ready in this service's RabbitMQ queues; role=error is its dead-letter (_error) queue");
        meter.CreateObservableGauge("culturehealth.messaging.broker.reachable", ObserveReachable, "",
            "1 when this service's last look at RabbitMQ succeeded, 0 when the broker could not be reached");
    }

    public void Report(IReadOnlyList<QueueDepth> queues) => _sample = new BrokerSample(true, queues);

    public void ReportUnreachable() => _sample = new BrokerSample(false, _sample?.Queues ?? []);

    private IEnumerable<Measurement<long>> ObserveQueues() =>
        (_sample?.Queues ?? []).Select(q => new Measurement<long>(q.Messages,
            new KeyValuePair<string, object?>("messaging.destination.name", q.Queue),
            new KeyValuePair<string, object?>("culturehealth.queue.role", q.Role)));

    private IEnumerable<Measurement<int>> ObserveReachable() =>
        _sample is { } sample ? [new Measurement<int>(sample.Reachable ? 1 : 0)] : [];

    private sealed record BrokerSample(bool Reachable, IReadOnlyList<QueueDepth> Queues);
}

public sealed record QueueDepth(string Queue, string Role, long Messages);
