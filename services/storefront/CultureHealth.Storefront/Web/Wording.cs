using System.Globalization;
using CultureHealth.Calendar;

namespace CultureHealth.Storefront.Web;

/// <summary>How the site says dates, counts and tag names, the same way on every page.</summary>
public static class Wording
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>"20 November 2026", in clinic time.</summary>
    public static string Date(DateTimeOffset time) => ClinicTimeZone.ToClinicTime(time).ToString("d MMMM yyyy", British);

    /// <summary>"20 November 2026 at 14:05", in clinic time.</summary>
    public static string DateTime(DateTimeOffset time) => ClinicTimeZone.ToClinicTime(time).ToString("d MMMM yyyy 'at' HH:mm", British);

    /// <summary>"back-pain" → "Back pain".</summary>
    public static string TagName(string tag)
    {
        var words = tag.Replace('-', ' ');
        return words.Length == 0 ? words : char.ToUpper(words[0], British) + words[1..];
    }

    /// <summary>The seed site's wording: "No Comments", "1 Comment", "5 Comments".</summary>
    public static string Comments(int count) => count switch
    {
        0 => "No Comments",
        1 => "1 Comment",
        _ => $"{count} Comments",
    };

    public static string Initials(string name) =>
        string.Concat(name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(2).Select(w => char.ToUpper(w[0], British)));
}
