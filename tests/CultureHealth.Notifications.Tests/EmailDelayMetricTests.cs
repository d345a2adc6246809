using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using CultureHealth.Contracts;
using CultureHealth.Notifications.Composition;
using CultureHealth.Notifications.Data;
using CultureHealth.Notifications.Telemetry;
using CultureHealth.Testing;
using MassTransit;

namespace CultureHealth.Notifications.Tests;

/// <summary>
/// The event-to-email delay behind the email service level: each email records how long after its event's
/// OccurredAt it left, labelled with its kind, in the buckets the SLO's threshold (60 s) is one of.
/// </summary>
public sealed class EmailDelayMetricTests : IAsyncLifetime
{
    private const string Histogram = "culturehealth_notifications_email_delay_seconds";
    private SmtpSink _smtp = null!;
    private TestService<NotificationsDbContext> _service = null!;

    public async Task InitializeAsync()
    {
        _smtp = await SmtpSink.StartedAsync();
        _service = await NotificationsService.StartAsync(_smtp);
    }

    public async Task DisposeAsync()
    {
        await _service.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task Each_email_records_how_long_after_its_event_it_was_sent_by_kind()
    {
        using var recorded = new DelayRecorder(_service.GetRequiredService<IMeterFactory>());
        var bus = _service.GetRequiredService<IBus>();
        var patient = NotificationsService.NewAddress("late-confirmation");
        var customer = NotificationsService.NewAddress("late-parcel");

        // Events that waited in an outbox (a broker outage): 40 and 4 minutes old when published.
        var publishedAt = DateTimeOffset.UtcNow;
        var confirmed = Events.Confirmed(patient, publishedAt.AddDays(3).ToOffset(Events.Bst)) with { OccurredAt = publishedAt.AddMinutes(-40) };
        var shipped = new OrderShipped(Guid.NewGuid(), publishedAt.AddMinutes(-4), Guid.NewGuid(), "CH-7001", customer);
        // A producer whose clock runs an hour ahead of ours.
        var skewed = new StockLow(Guid.NewGuid(), publishedAt.AddHours(1), Guid.NewGuid(), "ROLL-1", "Foam roller", 2, 5);
        await bus.Publish(confirmed);
        await bus.Publish(shipped);
        await bus.Publish(skewed);
        await _smtp.WaitForAsync(patient);
        await _smtp.WaitForAsync(customer);

        // The send is recorded just after the mail server accepted it: wait for the measurements, not a fixed time.
        await Eventually.TrueAsync(() => recorded.Of(MessageKinds.StockLow).Count == 1 && recorded.Of(MessageKinds.OrderShipped).Count == 1
            && recorded.Of(MessageKinds.BookingConfirmed).Count == 1, because: "three emails recorded");
        var receivedBy = DateTimeOffset.UtcNow;
        var within = (receivedBy - publishedAt).TotalSeconds;
        AssertBetween(Assert.Single(recorded.Of(MessageKinds.BookingConfirmed)), 40 * 60, 40 * 60 + within);
        AssertBetween(Assert.Single(recorded.Of(MessageKinds.OrderShipped)), 4 * 60, 4 * 60 + within);
        Assert.Equal(0, Assert.Single(recorded.Of(MessageKinds.StockLow)));

        // What Prometheus scrapes: the series the SLO rules read, with the kind label and every bucket boundary.
        using var client = _service.CreateClient();
        var exposition = await Eventually.GetAsync(() => client.GetStringAsync(new Uri("/metrics", UriKind.Relative)),
            text => Bucket(text, MessageKinds.BookingConfirmed, "3600") > Bucket(text, MessageKinds.BookingConfirmed, "1800"),
            because: "the 40-minute confirmation in the 30-60 minute bucket of /metrics");
        Assert.True(Bucket(exposition, MessageKinds.OrderShipped, "300") > Bucket(exposition, MessageKinds.OrderShipped, "120"),
            "the 4-minute parcel notice in the 2-5 minute bucket");
        foreach (var boundary in NotificationsMetrics.DelayBuckets)
        {
            Assert.True(Bucket(exposition, MessageKinds.BookingConfirmed, boundary.ToString(CultureInfo.InvariantCulture)) >= 0, $"bucket le={boundary}");
        }
        Assert.True(Bucket(exposition, MessageKinds.StockLow, "0.5") >= 1, "the skewed event counts as sent at once");
    }

    private static void AssertBetween(double actual, double low, double high) =>
        Assert.True(actual >= low && actual <= high, $"{actual} s is not between {low} and {high} s");

    /// <summary>The cumulative count of one bucket of one kind, or -1 when the series is not exported.</summary>
    private static double Bucket(string exposition, string kind, string le)
    {
        foreach (var line in exposition.Split('\n'))
        {
            if (line.StartsWith(Histogram + "_bucket{", StringComparison.Ordinal)
                && line.Contains($"culturehealth_email_kind=\"{kind}\"", StringComparison.Ordinal)
                && line.Contains($"le=\"{le}\"", StringComparison.Ordinal))
            {
                return double.Parse(line[(line.LastIndexOf('}') + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }
        return -1;
    }

    /// <summary>
    /// The delays this one service records. Every host in a test process sees every meter of the same name, so the
    /// listener keeps only the instrument created by this service's own meter factory.
    /// </summary>
    private sealed class DelayRecorder : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentQueue<(string Kind, double Seconds)> _measurements = new();

        public DelayRecorder(IMeterFactory ownMeters)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Scope == ownMeters && instrument.Name == "culturehealth.notifications.email_delay")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == "culturehealth.email.kind")
                    {
                        _measurements.Enqueue(((string)tag.Value!, value));
                    }
                }
            });
            _listener.Start();
        }

        public IReadOnlyList<double> Of(string kind) => [.. _measurements.Where(m => m.Kind == kind).Select(m => m.Seconds)];

        public void Dispose() => _listener.Dispose();
    }
}
