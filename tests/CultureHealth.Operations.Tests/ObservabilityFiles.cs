using System.Text.Json.Nodes;
using CultureHealth.Testing;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace CultureHealth.Operations.Tests;

/// <summary>The PromQL in deploy/observability: every dashboard panel target, and every recording and alerting rule.</summary>
public static class ObservabilityFiles
{
    public static string Folder => Path.Combine(RepoPaths.Root, "deploy", "observability");

    public static IEnumerable<string> DashboardFiles() =>
        Directory.EnumerateFiles(Path.Combine(Folder, "grafana", "dashboards"), "*.json").Order(StringComparer.Ordinal);

    /// <summary>(where, expression) for every "expr" anywhere in a dashboard: panel targets and template variable queries.</summary>
    public static IEnumerable<(string Where, string Expr)> DashboardExpressions(string file)
    {
        var root = JsonNode.Parse(File.ReadAllText(file))!;
        return Walk(root, Path.GetFileName(file));
    }

    private static IEnumerable<(string, string)> Walk(JsonNode? node, string where)
    {
        switch (node)
        {
            case JsonObject obj:
                var here = obj["title"] is JsonValue title && title.TryGetValue<string>(out var t) ? $"{where} > {t}" : where;
                foreach (var (key, value) in obj)
                {
                    if (key == "expr" && value is JsonValue v && v.TryGetValue<string>(out var expr))
                    {
                        yield return (here, expr);
                    }
                    else if (key == "query" && obj["definition"] is not null && value is JsonObject q && q["query"] is JsonValue qv
                        && qv.TryGetValue<string>(out var variableQuery))
                    {
                        yield return (here + " (variable)", VariableQueryExpression(variableQuery));
                    }
                    else
                    {
                        foreach (var found in Walk(value, here))
                        {
                            yield return found;
                        }
                    }
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    foreach (var found in Walk(item, where))
                    {
                        yield return found;
                    }
                }
                break;
        }
    }

    // label_values(metric, label) names a metric too.
    private static string VariableQueryExpression(string query) =>
        query.StartsWith("label_values(", StringComparison.Ordinal) && query.Contains(',', StringComparison.Ordinal)
            ? query["label_values(".Length..query.LastIndexOf(',')]
            : query;

    /// <summary>The rule files Prometheus loads: the hand-written alerts and the rules generated from slos.yaml.</summary>
    public static IReadOnlyList<string> RuleFiles { get; } = ["alerts.yml", "slo-rules.yml"];

    /// <summary>Every recording and alerting rule of <see cref="RuleFiles"/>.</summary>
    public static IReadOnlyList<PrometheusRule> Rules() =>
    [
        .. RuleFiles.SelectMany(file => Yaml.Deserialize<RuleFileYaml>(File.ReadAllText(Path.Combine(Folder, file))).Groups
            .SelectMany(group => group.Rules.Select(rule => new PrometheusRule(
                $"{file} > {group.Name} > {rule.Record ?? rule.Alert}", rule.Record, rule.Alert, rule.Expr,
                rule.Labels ?? new Dictionary<string, string>())))),
    ];

    /// <summary>(where, expression) for every rule, recording and alerting.</summary>
    public static IEnumerable<(string Where, string Expr)> AlertExpressions() => Rules().Select(r => (r.Where, r.Expr));

    /// <summary>The job names the Prometheus configs scrape (the "job" label of every series, and of "up").</summary>
    public static IReadOnlySet<string> ScrapeJobs() =>
        new[] { "prometheus.yml", "prometheus-compose.yml" }
            .SelectMany(file => Yaml.Deserialize<PrometheusConfigYaml>(File.ReadAllText(Path.Combine(Folder, file))).ScrapeConfigs)
            .Select(c => c.JobName).ToHashSet(StringComparer.Ordinal);

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance).IgnoreUnmatchedProperties().Build();

    private sealed class RuleFileYaml
    {
        public List<RuleGroupYaml> Groups { get; set; } = [];
    }

    private sealed class RuleGroupYaml
    {
        public string Name { get; set; } = "";
        public List<RuleYaml> Rules { get; set; } = [];
    }

    private sealed class RuleYaml
    {
        public string? Record { get; set; }
        public string? Alert { get; set; }
        public string Expr { get; set; } = "";
        public Dictionary<string, string>? Labels { get; set; }
    }

    private sealed class PrometheusConfigYaml
    {
        public List<ScrapeConfigYaml> ScrapeConfigs { get; set; } = [];
    }

    private sealed class ScrapeConfigYaml
    {
        public string JobName { get; set; } = "";
    }
}

/// <summary>One rule: a recording rule (<see cref="Record"/>) or an alert (<see cref="Alert"/>), with its static labels.</summary>
public sealed record PrometheusRule(string Where, string? Record, string? Alert, string Expr, IReadOnlyDictionary<string, string> Labels);
