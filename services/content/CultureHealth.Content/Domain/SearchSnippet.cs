using System.Net;
using System.Text.RegularExpressions;

namespace CultureHealth.Content.Domain;

/// <summary>
/// Turns PostgreSQL's ts_headline output (Markdown source with the matched words between two private-use
/// characters) into safe HTML: Markdown punctuation dropped, everything escaped, then only &lt;mark&gt; added.
/// </summary>
public static partial class SearchSnippet
{
    public const char Start = '\uE000';
    public const char Stop = '\uE001';
    public static readonly string HeadlineOptions = $"StartSel={Start}, StopSel={Stop}, MaxWords=32, MinWords=14, ShortWord=2, MaxFragments=2, FragmentDelimiter=\" … \"";

    public static string ToHtml(string headline)
    {
        var text = MarkdownLink().Replace(headline, "$1");
        text = LineMarker().Replace(text, " ");
        text = Emphasis().Replace(text, "");
        text = Whitespace().Replace(text, " ").Trim();
        var html = WebUtility.HtmlEncode(text);
        return html.Replace(Start.ToString(), "<mark>", StringComparison.Ordinal).Replace(Stop.ToString(), "</mark>", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"!?\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"(^|\n)\s*(#{1,6}|>|[-*+]|\d+\.)\s+")]
    private static partial Regex LineMarker();

    [GeneratedRegex(@"\*\*|__|`|(?<=\s|^)[*_]|[*_](?=\s|$)")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
