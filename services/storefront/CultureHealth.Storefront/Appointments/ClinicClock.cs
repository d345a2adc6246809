using System.Globalization;
using CultureHealth.Calendar;
using NodaTime;
using NodaTime.Extensions;

namespace CultureHealth.Storefront.Appointments;

/// <summary>
/// Appointment times as the clinic's wall clock (Europe/London, the zone booking and the emails use), whatever
/// the visitor's own zone and either side of the March and October clock changes: a 09:00 appointment reads
/// 09:00 in GMT and in BST.
/// </summary>
public static class ClinicClock
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    public static DateOnly Today(TimeProvider clock) => DateOf(clock.GetUtcNow());

    public static LocalDateTime Local(DateTimeOffset time) => ClinicTimeZone.InClinicZone(time.ToInstant()).LocalDateTime;

    public static DateOnly DateOf(DateTimeOffset time) => Local(time).Date.ToDateOnly();

    /// <summary>"09:00".</summary>
    public static string Time(DateTimeOffset time) => Local(time).ToString("HH:mm", British);

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
    public static string Span(DateTimeOffset start, DateTimeOffset end) => $"{FullDay(DateOf(start))}, {Time(start)} to {Time(end)}";

    public static DateOnly MondayOf(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    /// <summary>"2026-12-01": how dates travel in links.</summary>
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>A slot's start as links carry it: ISO 8601 with its offset ("2026-12-01T09:00:00+00:00").</summary>
    public static string IsoInstant(DateTimeOffset time) => time.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static bool TryParseInstant(string? text, out DateTimeOffset time) =>
        DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
}
