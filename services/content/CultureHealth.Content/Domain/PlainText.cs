using System.Net;
using System.Text;

namespace CultureHealth.Content.Domain;

/// <summary>Comments are plain text: escaped for HTML, line breaks kept as &lt;br&gt;.</summary>
public static class PlainText
{
    public static string ToHtml(string text)
    {
        var normalised = (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var html = new StringBuilder(normalised.Length + 16);
        var lines = normalised.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                html.Append("<br>");
            }
            html.Append(WebUtility.HtmlEncode(lines[i]));
        }
        return html.ToString();
    }
}
