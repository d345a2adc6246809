using System.Text;

namespace CultureHealth.Calendar;

/// <summary>RFC 5545 text rules: TEXT escaping (3.3.11) and content-line folding (3.1).</summary>
public static class IcsText
{
    public const string LineBreak = "\r\n";

    public const int MaxLineOctets = 75;

    /// <summary>Escapes a TEXT value. Other control characters are dropped: calendar clients reject them.</summary>
    public static string EscapeText(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var escaped = new StringBuilder(value.Length + 8);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '\\':
                    escaped.Append(@"\\");
                    break;
                case ';':
                    escaped.Append(@"\;");
                    break;
                case ',':
                    escaped.Append(@"\,");
                    break;
                case '\r':
                    // CRLF, lone CR and lone LF are all one line break.
                    if (i + 1 < value.Length && value[i + 1] == '\n')
                    {
                        i++;
                    }

                    escaped.Append(@"\n");
                    break;
                case '\n':
                    escaped.Append(@"\n");
                    break;
                default:
                    if (!char.IsControl(c) || c == '\t')
                    {
                        escaped.Append(c);
                    }

                    break;
            }
        }

        return escaped.ToString();
    }

    /// <summary>
    /// Folds one unfolded content line so that no physical line exceeds 75 octets of UTF-8, not counting
    /// the CRLF. Breaks fall between whole characters so multi-byte characters are never split. The
    /// result has no trailing line break.
    /// </summary>
    public static string Fold(string contentLine)
    {
        ArgumentNullException.ThrowIfNull(contentLine);
        var folded = new StringBuilder(contentLine.Length + 8);
        var octetsOnLine = 0;
        foreach (var rune in contentLine.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octetsOnLine + size > MaxLineOctets)
            {
                folded.Append(LineBreak).Append(' ');
                // The leading space of a continuation line counts towards its 75 octets.
                octetsOnLine = 1;
            }

            folded.Append(rune.ToString());
            octetsOnLine += size;
        }

        return folded.ToString();
    }
}
