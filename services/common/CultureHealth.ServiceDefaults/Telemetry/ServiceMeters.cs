using System.Diagnostics.Metrics;

namespace CultureHealth.ServiceDefaults.Telemetry;

/// <summary>
/// The plumbing of a service's business counters ("CultureHealth.&lt;Service&gt;" meters, which telemetry subscribes to by
/// that prefix), so a metrics class declares each counter in one line next to its field:
/// <code>private readonly Counter&lt;long&gt; _paid = meters.CreateCounter(MeterName, "culturehealth.orders.paid", "{order}", "Orders paid in full");</code>
/// </summary>
public static class ServiceMeters
{
    /// <summary>
    /// A counter on the meter named <paramref name="meterName"/>. The factory hands back the one meter it made for that
    /// name, so every counter of a class lands on the same meter, owned (and disposed) by the container.
    /// </summary>
    public static Counter<long> CreateCounter(this IMeterFactory meters, string meterName, string name, string unit, string description)
    {
        ArgumentNullException.ThrowIfNull(meters);
        return meters.Create(meterName).CreateCounter<long>(name, unit, description);
    }
}
