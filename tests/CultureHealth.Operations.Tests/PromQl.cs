using System.Text.RegularExpressions;

namespace CultureHealth.Operations.Tests;

/// <summary>
/// The metric names a PromQL expression reads. Not a full parser: it removes what cannot be a metric name
/// (strings, label matchers, ranges, grouping clauses, Grafana variables, function calls, keywords) and keeps
/// the identifiers left over, which in PromQL can only be metric selectors.
/// </summary>
public static partial class PromQl
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "and", "or", "unless", "bool", "offset", "by", "without", "on", "ignoring", "group_left", "group_right", "inf", "nan", "atan2",
    };

    public static IReadOnlySet<string> MetricNames(string expression)
    {
        var text = Strings().Replace(expression, " ");
        text = GrafanaVariables().Replace(text, " 1 ");
        text = Braces().Replace(text, " ");
        text = Ranges().Replace(text, " ");
        text = GroupingClauses().Replace(text, " ");
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in Identifiers().Matches(text))
        {
            var word = m.Groups["name"].Value;
            var isCall = m.Groups["call"].Success;
            if (!isCall && !Keywords.Contains(word.ToLowerInvariant()))
            {
                names.Add(word);
            }
        }
        return names;
    }

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`")]
    private static partial Regex Strings();

    // $__rate_interval, ${service}, $service: Grafana fills these in before Prometheus sees the query.
    [GeneratedRegex(@"\$\{[^}]*\}|\$\w+")]
    private static partial Regex GrafanaVariables();

    [GeneratedRegex(@"\{[^{}]*\}")]
    private static partial Regex Braces();

    [GeneratedRegex(@"\[[^\[\]]*\]")]
    private static partial Regex Ranges();

    [GeneratedRegex(@"\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^()]*\)", RegexOptions.IgnoreCase)]
    private static partial Regex GroupingClauses();

    [GeneratedRegex(@"(?<![\w.])(?<name>[A-Za-z_:][A-Za-z0-9_:]*)(?<call>\s*\()?")]
    private static partial Regex Identifiers();
}
