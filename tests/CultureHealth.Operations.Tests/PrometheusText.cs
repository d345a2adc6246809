using System.Text;
using System.Text.RegularExpressions;

namespace CultureHealth.Operations.Tests;

/// <summary>One series of an exposition: its name (with _bucket/_sum/_count and _total) and labels.</summary>
public sealed record ExportedSeries(string Name, IReadOnlyDictionary<string, string> Labels)
{
    public override string ToString() => $"{Name}{{{string.Join(", ", Labels.Select(l => $"{l.Key}=\"{l.Value}\""))}}}";
}

/// <summary>Reads the Prometheus text exposition (what /metrics answers).</summary>
public static partial class PrometheusText
{
    public static IReadOnlySet<string> SeriesNames(string exposition) =>
        Series(exposition).Select(s => s.Name).ToHashSet(StringComparer.Ordinal);

    public static IReadOnlyList<ExportedSeries> Series(string exposition)
    {
        var series = new List<ExportedSeries>();
        foreach (var line in exposition.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            var name = SeriesName().Match(line);
            if (!name.Success)
            {
                continue;
            }
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            var i = name.Length;
            if (i < line.Length && line[i] == '{')
            {
                ReadLabels(line, i + 1, labels);
            }
            series.Add(new ExportedSeries(name.Value, labels));
        }
        return series;
    }

    // name="value", with \\, \" and \n escaped inside values.
    private static void ReadLabels(string line, int i, Dictionary<string, string> labels)
    {
        while (i < line.Length && line[i] != '}')
        {
            var eq = line.IndexOf('=', i);
            var label = line[i..eq].Trim(' ', ',');
            i = eq + 2; // past ="
            var value = new StringBuilder();
            while (line[i] != '"')
            {
                if (line[i] == '\\')
                {
                    value.Append(line[i + 1] == 'n' ? '\n' : line[i + 1]);
                    i += 2;
                }
                else
                {
                    value.Append(line[i++]);
                }
            }
            labels[label] = value.ToString();
            i++; // closing quote
            if (i < line.Length && line[i] == ',')
            {
                i++;
            }
        }
    }

    [GeneratedRegex(@"^[A-Za-z_:][A-Za-z0-9_:]*")]
    private static partial Regex SeriesName();
}
