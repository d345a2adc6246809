using System.Buffers;

namespace CultureHealth.ServiceDefaults.Boundary;

/// <summary>
/// What text may enter any service at all, whatever the endpoint: no control characters (PostgreSQL
/// cannot store NUL; the others have no business in a name, a slug or a search), no unpaired surrogates
/// (not Unicode, so not UTF-8, so not storable), and nothing longer than any field of ours could hold.
/// Endpoints still apply their own, tighter rules; this is the floor under all of them.
/// </summary>
public static class TextRules
{
    /// <summary>Route values: ids, slugs, tokens, dates. Far below the request-line limit.</summary>
    public const int MaxRouteValueLength = 256;

    /// <summary>Query values: search text and filters.</summary>
    public const int MaxQueryValueLength = 2048;

    /// <summary>Headers an endpoint binds to a parameter (an Idempotency-Key).</summary>
    public const int MaxBoundHeaderLength = 256;

    /// <summary>Any string inside a JSON body (an article's Markdown is the longest we keep).</summary>
    public const int MaxJsonStringLength = 100_000;

    // C0 controls, DEL and C1 controls, and every surrogate (paired ones are checked one by one).
    private static readonly SearchValues<char> Suspicious = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Select(c => (char)c), .. Enumerable.Range(0x7F, 0x21).Select(c => (char)c),
         .. Enumerable.Range(0xD800, 0x800).Select(c => (char)c)]);

    /// <summary>Why <paramref name="value"/> may not enter, or null when it may.</summary>
    public static string? Check(ReadOnlySpan<char> value, TextKind kind, int maxLength)
    {
        if (value.Length > maxLength)
        {
            return $"At most {maxLength} characters.";
        }
        if (kind == TextKind.HeaderValue)
        {
            // Every request carries a dozen of these: one vectorised pass accepts the usual visible ASCII outright.
            if (!value.ContainsAnyExceptInRange(' ', '~'))
            {
                return null;
            }
            // RFC 9110 header values are ASCII in practice; the gateway's HTTP client cannot forward anything else, so
            // such a value would otherwise end as a 503 instead of the sender's own mistake.
            if (!System.Text.Ascii.IsValid(value))
            {
                return "Must be ASCII text.";
            }
        }

        var offset = 0;
        while (true)
        {
            var found = value[offset..].IndexOfAny(Suspicious);
            if (found < 0)
            {
                return null;
            }

            var i = offset + found;
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                offset = i + 2;
                continue;
            }
            if (char.IsSurrogate(c))
            {
                return "Contains an unpaired surrogate, which is not valid Unicode text.";
            }
            if ((c == '\t' && kind != TextKind.SingleLine) || (c is '\r' or '\n' && kind == TextKind.MultiLine))
            {
                offset = i + 1;
                continue;
            }
            return c is '\t' or '\r' or '\n'
                ? "Must be a single line: tab, CR and LF are not allowed here."
                : $"Contains the control character U+{(int)c:X4}, which is not allowed.";
        }
    }
}

public enum TextKind
{
    /// <summary>Route and query values: no control character at all.</summary>
    SingleLine,

    /// <summary>HTTP header values: HTAB is part of the grammar (RFC 9110), no other control character.</summary>
    HeaderValue,

    /// <summary>Strings in JSON bodies: tab, CR and LF may separate lines and paragraphs.</summary>
    MultiLine,
}
