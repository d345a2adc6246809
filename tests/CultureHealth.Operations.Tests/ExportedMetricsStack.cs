using CultureHealth.Contracts;
using MassTransit;

namespace CultureHealth.Operations.Tests;

/// <summary>
/// The whole stack after some traffic, and the series its /metrics endpoints expose. Every business counter the
/// dashboards and alerts read has its value because the behaviour it counts happened: a morning's traffic
/// (<see cref="StorefrontTraffic"/>) and the rarer events (<see cref="RareEventsTraffic"/>).
/// </summary>
public sealed class ExportedMetricsStack : IAsyncLifetime
{
    public MetricsStack Stack { get; } = new();

    public async Task InitializeAsync()
    {
        await Stack.InitializeAsync();
        await new StorefrontTraffic(Stack).RunAsync();
        await new RareEventsTraffic(Stack).RunAsync();
        // A failing consumer is rare in a healthy stack, and MassTransit only exports its consume-error series
        // once one has failed: make one fail for real. Admin's projection reads the lines this OrderPaid lacks.
        await Stack.Shop.GetRequiredService<IBus>().Publish(new OrderPaid(
            Guid.NewGuid(), DateTimeOffset.UtcNow, Guid.NewGuid(), "CH-FAULT", "fault@example.com", "Fault", 0, 0, Lines: null!));
    }

    /// <summary>
    /// Scrapes every target now, as Prometheus would: each series with the job and instance labels that the scrape adds.
    /// </summary>
    public async Task<IReadOnlyList<ExportedSeries>> ScrapeAsync()
    {
        var all = new List<ExportedSeries>();
        foreach (var (job, target) in Stack.Targets)
        {
            using var client = new HttpClient { BaseAddress = target };
            var text = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
            all.AddRange(PrometheusText.Series(text).Select(s => s with
            {
                Labels = new Dictionary<string, string>(s.Labels) { ["job"] = job, ["instance"] = target.Authority },
            }));
        }
        return all;
    }

    public Task DisposeAsync() => Stack.DisposeAsync();
}
