using System.Text.Json.Nodes;
using CultureHealth.Testing;

namespace CultureHealth.Operations.Tests;

/// <summary>The PromQL expressions in deploy/observability: every dashboard panel target and every alert rule.</summary>
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

    /// <summary>(alert name, expression) for every rule in alerts.yml; handles "expr: one line" and "expr: |" blocks.</summary>
    public static IEnumerable<(string Where, string Expr)> AlertExpressions()
    {
        var lines = File.ReadAllLines(Path.Combine(Folder, "alerts.yml"));
        var alert = "?";
        for (var i = 0; i < lines.Length; i++)
        {
            var trimmed = lines[i].TrimStart();
            if (trimmed.StartsWith("- alert:", StringComparison.Ordinal) || trimmed.StartsWith("- record:", StringComparison.Ordinal))
            {
                alert = trimmed[(trimmed.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
            }
            if (!trimmed.StartsWith("expr:", StringComparison.Ordinal))
            {
                continue;
            }
            var value = trimmed["expr:".Length..].Trim();
            if (value is "|" or ">" or "|-" or ">-")
            {
                var indent = lines[i].Length - trimmed.Length;
                var block = new List<string>();
                while (i + 1 < lines.Length && (lines[i + 1].Trim().Length == 0 || lines[i + 1].Length - lines[i + 1].TrimStart().Length > indent))
                {
                    block.Add(lines[++i].Trim());
                }
                value = string.Join(' ', block);
            }
            yield return (alert, value.Trim('\'', '"'));
        }
    }
}
