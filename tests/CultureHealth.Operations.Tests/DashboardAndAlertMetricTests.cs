using CultureHealth.Testing;

namespace CultureHealth.Operations.Tests;

/// <summary>Every Grafana panel and every alert reads a metric that the running services really export.</summary>
public sealed class DashboardAndAlertMetricTests(ExportedMetrics exported) : IClassFixture<ExportedMetrics>
{
    // Series Prometheus makes itself for every target, not exported by any service.
    private static readonly HashSet<string> FromPrometheus = new(StringComparer.Ordinal)
    {
        "up", "scrape_duration_seconds", "scrape_samples_scraped", "ALERTS", "ALERTS_FOR_STATE",
    };

    public static TheoryData<string> Dashboards() => [.. ObservabilityFiles.DashboardFiles().Select(f => Path.GetFileName(f))];

    [Theory]
    [MemberData(nameof(Dashboards))]
    public async Task Every_panel_query_reads_metrics_the_services_export(string dashboard)
    {
        var expressions = ObservabilityFiles.DashboardExpressions(Path.Combine(ObservabilityFiles.Folder, "grafana", "dashboards", dashboard)).ToList();
        Assert.NotEmpty(expressions);
        await AssertAllExportedAsync(expressions);
    }

    [Fact]
    public async Task Every_alert_reads_metrics_the_services_export()
    {
        var expressions = ObservabilityFiles.AlertExpressions().ToList();
        Assert.NotEmpty(expressions);
        await AssertAllExportedAsync(expressions);
    }

    [Fact]
    public async Task The_gateway_labels_requests_with_its_route_pattern()
    {
        // The gateway dashboard groups by http_route: YARP's routes fill it with their bounded patterns, not raw paths.
        // (In this one test process every host's meters reach every /metrics, so only the presence can be asserted.)
        using var client = new HttpClient { BaseAddress = exported.Stack.Gateway.BaseAddress };
        var text = await Eventually.GetAsync(() => client.GetStringAsync(new Uri("/metrics", UriKind.Relative)),
            t => t.Contains("http_route=\"/api/shop/{**rest}\"", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "gateway route label");
        Assert.Contains("http_route=\"/api/booking/{**rest}\"", text, StringComparison.Ordinal);
    }

    private async Task AssertAllExportedAsync(IReadOnlyList<(string Where, string Expr)> expressions)
    {
        var wanted = expressions
            .SelectMany(e => PromQl.MetricNames(e.Expr).Select(name => (e.Where, Name: name)))
            .Where(x => !FromPrometheus.Contains(x.Name))
            .ToList();
        Assert.NotEmpty(wanted);

        // Consumers, samplers and the relay finish after the HTTP responses: wait until the names appear, not a fixed time.
        IReadOnlySet<string> names = new HashSet<string>();
        try
        {
            names = await Eventually.GetAsync(exported.ScrapeAsync, n => wanted.All(w => n.Contains(w.Name)), TimeSpan.FromSeconds(45),
                "every referenced metric is exported");
        }
        catch (TimeoutException)
        {
            names = await exported.ScrapeAsync();
        }
        var missing = wanted.Where(w => !names.Contains(w.Name)).Select(w => $"{w.Where}: {w.Name}").Distinct().ToList();
        Assert.True(missing.Count == 0,
            "Not exported by any service:\n  " + string.Join("\n  ", missing) + "\nExported:\n  " + string.Join("\n  ", names.Order(StringComparer.Ordinal)));
    }
}
