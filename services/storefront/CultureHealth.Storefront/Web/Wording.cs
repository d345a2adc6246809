using System.Globalization;
using CultureHealth.Calendar;

namespace CultureHealth.Storefront.Web;

/// <summary>
/// How the site says dates, times, counts and tag names, the same way on every page, and how dates travel in links.
/// Times read as the clinic's wall clock (<see cref="ClinicTimeZone"/>) whatever the visitor's own zone and either
/// side of the March and October clock changes: a 09:00 appointment reads 09:00 in GMT and in BST.
/// </summary>
public static class Wording
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>"20 November 2026", in clinic time.</summary>
    public static string Date(DateTimeOffset time) => ClinicTimeZone.ToClinicTime(time).ToString("d MMMM yyyy", British);

    /// <summary>"20 November 2026 at 14:05", in clinic time.</summary>
    public static string DateTime(DateTimeOffset time) => ClinicTimeZone.ToClinicTime(time).ToString("d MMMM yyyy 'at' HH:mm", British);

    /// <summary>"09:00", in clinic time.</summary>
    public static string Time(DateTimeOffset time) => ClinicTimeZone.InClinicZone(time).LocalDateTime.ToString("HH:mm", British);

    /// <summary>"Tuesday 1 December".</summary>
    public static string Day(DateOnly date) => date.ToString("dddd d MMMM", British);

    /// <summary>"Tuesday 1 December 2026".</summary>
    public static string FullDay(DateOnly date) => date.ToString("dddd d MMMM yyyy", British);

    /// <summary>"30 November".</summary>
    public static string DayMonth(DateOnly date) => date.ToString("d MMMM", British);

    /// <summary>"6 December 2026".</summary>
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", British);

    /// <summary>"Tue".</summary>
    public static string ShortWeekday(DateOnly date) => date.ToString("ddd", British);

    /// <summary>"1 Dec".</summary>
    public static string ShortDate(DateOnly date) => date.ToString("d MMM", British);

    /// <summary>"Tuesday 1 December 2026, 09:00 to 10:00".</summary>
    public static string Span(DateTimeOffset start, DateTimeOffset end) => $"{FullDay(ClinicTimeZone.DateOf(start).ToDateOnly())}, {Time(start)} to {Time(end)}";

    /// <summary>"2026-12-01": how dates travel in links.</summary>
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>A slot's start as links carry it: ISO 8601 with its offset ("2026-12-01T09:00:00+00:00").</summary>
    public static string IsoInstant(DateTimeOffset time) => time.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static bool TryParseInstant(string? text, out DateTimeOffset time) =>
        DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

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
