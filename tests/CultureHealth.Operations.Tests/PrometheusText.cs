using System.Text.RegularExpressions;

namespace CultureHealth.Operations.Tests;

/// <summary>Series names in a Prometheus text exposition (what /metrics answers), including _bucket/_sum/_count and _total.</summary>
public static partial class PrometheusText
{
    public static IReadOnlySet<string> SeriesNames(string exposition)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in exposition.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            var m = SeriesName().Match(line);
            if (m.Success)
            {
                names.Add(m.Value);
            }
        }
        return names;
    }

    [GeneratedRegex(@"^[A-Za-z_:][A-Za-z0-9_:]*")]
    private static partial Regex SeriesName();
}
