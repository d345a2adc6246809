namespace CultureHealth.Operations.Tests;

public enum SeriesVerdict
{
    Found,

    /// <summary>Reads a job the test stack does not host (yet): the storefront while it is being built.</summary>
    Pending,

    Missing,
}

public sealed record SeriesResolution(SeriesVerdict Verdict, string Why);

/// <summary>
/// Where each series a dashboard or rule reads comes from, and whether one with the selector's labels exists:
/// exported by a running service (with the job label Prometheus adds), recorded by a rule (with that rule's labels),
/// or made by Prometheus itself (up per scrape job, ALERTS per alert rule).
/// </summary>
public sealed class SeriesCatalog(
    IReadOnlyList<ExportedSeries> exported, IReadOnlyList<PrometheusRule> rules, IReadOnlySet<string> scrapeJobs, IReadOnlySet<string> hostedJobs)
{
    private static readonly HashSet<string> PerScrapeJob = new(StringComparer.Ordinal) { "up", "scrape_duration_seconds", "scrape_samples_scraped" };

    private readonly ILookup<string, ExportedSeries> _byName = exported.ToLookup(s => s.Name, StringComparer.Ordinal);

    /// <summary>Whether some series the selector reads carries the label (to group by it).</summary>
    public bool CarriesLabel(Selector selector, string label)
    {
        if (selector.Name is "ALERTS" or "ALERTS_FOR_STATE")
        {
            return label is "alertname" or "alertstate" || rules.Any(r => r.Alert is not null && r.Labels.ContainsKey(label));
        }
        if (PerScrapeJob.Contains(selector.Name))
        {
            return label is "job" or "instance";
        }
        var recorded = rules.Where(r => r.Record == selector.Name).ToList();
        return recorded.Count > 0
            ? recorded.Any(r => r.Labels.ContainsKey(label))
            : _byName[selector.Name].Any(s => selector.Matches(s.Labels) && s.Labels.ContainsKey(label));
    }

    public SeriesResolution Resolve(Selector selector)
    {
        if (selector.Name is "ALERTS" or "ALERTS_FOR_STATE")
        {
            // Labels of an alert: its rule's static labels and alertname; others (alertstate, the series' own) vary.
            var alerts = rules.Where(r => r.Alert is not null)
                .Select(r => new Dictionary<string, string>(r.Labels) { ["alertname"] = r.Alert! }).ToList();
            return alerts.Any(labels => selector.Matchers.Where(m => labels.ContainsKey(m.Label)).All(m => m.Matches(labels)))
                ? new(SeriesVerdict.Found, "an alert rule")
                : new(SeriesVerdict.Missing, "no alert rule has these labels");
        }
        if (PerScrapeJob.Contains(selector.Name))
        {
            return scrapeJobs.Any(job => selector.Matchers.Where(m => m.Label == "job").All(m => m.Matches(new Dictionary<string, string> { ["job"] = job })))
                ? new(SeriesVerdict.Found, "a scrape job")
                : new(SeriesVerdict.Missing, $"no scrape job matches (jobs: {string.Join(", ", scrapeJobs.Order(StringComparer.Ordinal))})");
        }
        var recorded = rules.Where(r => r.Record == selector.Name).ToList();
        if (recorded.Count > 0)
        {
            // Every label asked for must be one the rule sets: a recording rule's own labels are all it is known to have.
            return recorded.Any(r => selector.Matchers.All(m => r.Labels.ContainsKey(m.Label) && m.Matches(r.Labels)))
                ? new(SeriesVerdict.Found, "a recording rule")
                : new(SeriesVerdict.Missing, "recorded, but no rule sets these labels: "
                    + string.Join("; ", recorded.Select(r => string.Join(", ", r.Labels.Select(l => $"{l.Key}={l.Value}")))));
        }
        if (_byName[selector.Name].Any(s => selector.Matches(s.Labels)))
        {
            return new(SeriesVerdict.Found, "exported");
        }
        var job = selector.Matchers.FirstOrDefault(m => m.Label == "job" && m.Op == "=");
        if (job is not null && !hostedJobs.Contains(job.Value))
        {
            return new(SeriesVerdict.Pending, $"job {job.Value} is not hosted by the test stack");
        }
        var sameName = _byName[selector.Name].Take(3).Select(s => s.ToString()).ToList();
        return new(SeriesVerdict.Missing, sameName.Count == 0
            ? "no series of this name is exported"
            : "no exported series has these labels; for example: " + string.Join(" | ", sameName));
    }
}
