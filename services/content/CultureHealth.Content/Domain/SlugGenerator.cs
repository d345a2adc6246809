using System.Globalization;
using System.Text;

namespace CultureHealth.Content.Domain;

/// <summary>
/// URL slugs from titles: lowercase ASCII letters and digits separated by single hyphens.
/// Uniqueness is the caller's job (it knows which slugs are taken); <see cref="WithSuffix"/> makes the candidates.
/// </summary>
public static class SlugGenerator
{
    public const int MaxLength = 80;

    public static string FromTitle(string title, int maxLength = MaxLength)
    {
        ArgumentNullException.ThrowIfNull(title);
        var folded = FoldToAscii(title);
        var slug = new StringBuilder(folded.Length);
        var pendingHyphen = false;
        foreach (var c in folded)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingHyphen && slug.Length > 0)
                {
                    slug.Append('-');
                }
                slug.Append(char.ToLowerInvariant(c));
                pendingHyphen = false;
            }
            else if (c != '\'' && c != '’')
            {
                // Apostrophes vanish ("Don't" → "dont"); every other separator becomes one hyphen.
                pendingHyphen = true;
            }
        }
        return Truncate(slug.ToString(), maxLength);
    }

    /// <summary>"foam-rolling" with 2 → "foam-rolling-2", still within the length limit.</summary>
    public static string WithSuffix(string slug, int number, int maxLength = MaxLength)
    {
        var suffix = "-" + number.ToString(CultureInfo.InvariantCulture);
        return Truncate(slug, maxLength - suffix.Length) + suffix;
    }

    public static bool IsValid(string? slug, int maxLength = MaxLength) =>
        !string.IsNullOrEmpty(slug) && slug.Length <= maxLength && FromTitle(slug, maxLength) == slug;

    private static string Truncate(string slug, int maxLength)
    {
        if (slug.Length <= maxLength)
        {
            return slug;
        }
        // Cut at a word boundary when there is one, so slugs do not end mid-word.
        var cut = slug[..maxLength];
        var lastHyphen = cut.LastIndexOf('-');
        return (lastHyphen > maxLength / 2 ? cut[..lastHyphen] : cut).TrimEnd('-');
    }

    private static string FoldToAscii(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var result = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            switch (c)
            {
                case 'ß': result.Append("ss"); break;
                case 'æ' or 'Æ': result.Append("ae"); break;
                case 'ø' or 'Ø': result.Append('o'); break;
                case 'đ' or 'Đ': result.Append('d'); break;
                case 'ł' or 'Ł': result.Append('l'); break;
                case '&': result.Append(" and "); break;
                default:
                    if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                    {
                        result.Append(c);
                    }
                    break;
            }
        }
        return result.ToString();
    }
}
