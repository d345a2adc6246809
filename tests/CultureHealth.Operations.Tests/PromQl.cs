using System.Text;
using System.Text.RegularExpressions;

namespace CultureHealth.Operations.Tests;

/// <summary>One label matcher of a selector: <c>job="gateway"</c>, <c>code!~"5.."</c>.</summary>
public sealed partial record LabelMatcher(string Label, string Op, string Value)
{
    /// <summary>A value holding a Grafana variable ($service, ${service}, $__all) is filled in by Grafana: any value may match.</summary>
    public bool IsGrafanaVariable => GrafanaVariable().IsMatch(Value);

    /// <summary>Prometheus semantics: a missing label is the empty string; regular expressions match the whole value.</summary>
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        if (IsGrafanaVariable)
        {
            return true;
        }
        var actual = labels.GetValueOrDefault(Label, "");
        return Op switch
        {
            "=" => actual == Value,
            "!=" => actual != Value,
            "=~" => Regex.IsMatch(actual, $"^(?:{Value})$"),
            "!~" => !Regex.IsMatch(actual, $"^(?:{Value})$"),
            _ => throw new InvalidOperationException($"unknown matcher operator {Op}"),
        };
    }

    public override string ToString() => $"{Label}{Op}\"{Value}\"";

    [GeneratedRegex(@"\$(\w|\{)")]
    private static partial Regex GrafanaVariable();
}

/// <summary>A series selector in an expression: a metric name and its label matchers.</summary>
public sealed record Selector(string Name, IReadOnlyList<LabelMatcher> Matchers)
{
    public bool Matches(IReadOnlyDictionary<string, string> labels) => Matchers.All(m => m.Matches(labels));

    public override string ToString() => Matchers.Count == 0 ? Name : $"{Name}{{{string.Join(", ", Matchers)}}}";
}

/// <summary>
/// The series selectors a PromQL expression reads. Not a full parser: it walks the expression skipping what cannot be a
/// selector (strings outside braces, ranges, numbers and durations, grouping clauses, Grafana variables, function names,
/// keywords) and reads each remaining identifier with its {label matchers}.
/// </summary>
public static partial class PromQl
{
    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "or", "unless", "bool", "offset", "inf", "nan", "atan2",
    };

    // "sum by (job) (x)": an aggregation's grouping clause may stand between its name and its parenthesis.
    private static readonly HashSet<string> Aggregations = new(StringComparer.OrdinalIgnoreCase)
    {
        "sum", "avg", "min", "max", "count", "group", "stddev", "stdvar", "topk", "bottomk", "quantile", "count_values",
    };

    private static readonly HashSet<string> GroupingKeywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "by", "without", "on", "ignoring", "group_left", "group_right",
    };

    /// <summary>The labels an expression groups by: every <c>by (…)</c> list (not <c>on</c>/<c>ignoring</c>, which only match).</summary>
    public static IReadOnlySet<string> GroupingLabels(string expression) =>
        ByClauses().Matches(expression).SelectMany(m => m.Groups["labels"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .ToHashSet(StringComparer.Ordinal);

    public static IReadOnlySet<string> MetricNames(string expression) =>
        Selectors(expression).Select(s => s.Name).ToHashSet(StringComparer.Ordinal);

    public static IReadOnlyList<Selector> Selectors(string expression)
    {
        var found = new List<Selector>();
        var text = expression;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is '"' or '\'' or '`')
            {
                ReadString(text, ref i);
            }
            else if (c == '[')
            {
                i = text.IndexOf(']', i) is var end and >= 0 ? end + 1 : text.Length;
            }
            else if (c == '$')
            {
                i = SkipGrafanaVariable(text, i);
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '.' or '_'))
                {
                    i++;
                }
            }
            else if (c == '{')
            {
                // {__name__="x", ...} without a leading name.
                var matchers = ReadMatchers(text, ref i);
                var name = matchers.FirstOrDefault(m => m.Label == "__name__" && m.Op == "=");
                if (name is not null)
                {
                    found.Add(new Selector(name.Value, [.. matchers.Where(m => m.Label != "__name__")]));
                }
            }
            else if (char.IsAsciiLetter(c) || c is '_' or ':')
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or ':'))
                {
                    i++;
                }
                var word = text[start..i];
                var next = i;
                while (next < text.Length && char.IsWhiteSpace(text[next]))
                {
                    next++;
                }
                if (next < text.Length && text[next] == '(')
                {
                    if (GroupingKeywords.Contains(word))
                    {
                        i = text.IndexOf(')', next) + 1; // a label list, never a selector
                    }
                    // otherwise a function call: its arguments are read as the walk goes on
                }
                else if (GroupingKeywords.Contains(word) || Keywords.Contains(word) || Aggregations.Contains(word))
                {
                    // "group_left" without a list, "and", "offset", ...
                }
                else if (next < text.Length && text[next] == '{')
                {
                    i = next;
                    found.Add(new Selector(word, ReadMatchers(text, ref i)));
                }
                else
                {
                    found.Add(new Selector(word, []));
                }
            }
            else
            {
                i++;
            }
        }
        return found;
    }

    private static int SkipGrafanaVariable(string text, int i)
    {
        i++;
        if (i < text.Length && text[i] == '{')
        {
            return text.IndexOf('}', i) + 1;
        }
        while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
        {
            i++;
        }
        return i;
    }

    private static List<LabelMatcher> ReadMatchers(string text, ref int i)
    {
        var matchers = new List<LabelMatcher>();
        i++; // {
        while (i < text.Length)
        {
            while (i < text.Length && (char.IsWhiteSpace(text[i]) || text[i] == ','))
            {
                i++;
            }
            if (i >= text.Length || text[i] == '}')
            {
                i++;
                return matchers;
            }
            var start = i;
            while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
            {
                i++;
            }
            var label = text[start..i];
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }
            var op = text[i..].StartsWith("=~", StringComparison.Ordinal) || text[i..].StartsWith("!~", StringComparison.Ordinal)
                || text[i..].StartsWith("!=", StringComparison.Ordinal) ? text.Substring(i, 2) : text.Substring(i, 1);
            i += op.Length;
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }
            matchers.Add(new LabelMatcher(label, op, ReadString(text, ref i)));
        }
        return matchers;
    }

    /// <summary>A PromQL string literal from its opening quote; i ends after the closing one. Escapes as in Go.</summary>
    private static string ReadString(string text, ref int i)
    {
        var quote = text[i++];
        var value = new StringBuilder();
        while (i < text.Length && text[i] != quote)
        {
            if (text[i] == '\\' && quote != '`' && i + 1 < text.Length)
            {
                var escaped = text[i + 1];
                value.Append(escaped switch { 'n' => '\n', 't' => '\t', _ => escaped });
                i += 2;
            }
            else
            {
                value.Append(text[i++]);
            }
        }
        i++;
        return value.ToString();
    }

    [GeneratedRegex(@"\bby\s*\((?<labels>[^()]*)\)", RegexOptions.IgnoreCase)]
    private static partial Regex ByClauses();
}
