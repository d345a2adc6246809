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

    /// <summary>The start of a comment for an email or a list: at most 200 characters, then an ellipsis.</summary>
    public static string Excerpt(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
