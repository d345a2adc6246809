using System.Globalization;
using CultureHealth.Calendar;
using NodaTime;

namespace CultureHealth.BackOffice.Web;

/// <summary>
/// How the staff pages say times, dates and money: the clinic's wall clock (<see cref="ClinicTimeZone"/>), British
/// formats.
/// </summary>
public static class Wording
{
    public static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>"14:30".</summary>
    public static string Time(DateTimeOffset instant) => ClinicTimeZone.InClinicZone(instant).ToString("HH:mm", British);

    /// <summary>"Tuesday 1 December 2026".</summary>
    public static string Day(LocalDate date) => date.ToString("dddd d MMMM yyyy", British);

    /// <summary>"Tue 1 Dec".</summary>
    public static string ShortDay(LocalDate date) => date.ToString("ddd d MMM", British);

    /// <summary>"Tue 1 Dec 14:30", in clinic time.</summary>
    public static string ShortDayAndTime(DateTimeOffset instant) => $"{ShortDay(ClinicTimeZone.DateOf(instant))} {Time(instant)}";

    /// <summary>ISO "2026-12-01", as URLs and admin's API carry dates.</summary>
    public static string Iso(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static bool TryParseIso(string? text, out LocalDate date)
    {
        var result = NodaTime.Text.LocalDatePattern.Iso.Parse(text ?? "");
        date = result.Success ? result.Value : default;
        return result.Success;
    }

    /// <summary>Money in pence as "£45.00".</summary>
    public static string Money(long pence) => (pence / 100m).ToString("C", British);

    /// <summary>"12.50" or "£12.50" as pence; false for anything else (no negative, zero or part-penny amounts).</summary>
    public static bool TryParsePounds(string? text, out long pence)
    {
        pence = 0;
        if (decimal.TryParse((text ?? "").Trim().TrimStart('£'), NumberStyles.Number, CultureInfo.InvariantCulture, out var pounds)
            && pounds > 0 && pounds < 1_000_000 && decimal.Round(pounds, 2) == pounds)
        {
            pence = (long)(pounds * 100);
            return true;
        }
        return false;
    }

    /// <summary>Pence as a form field shows them: "12.50".</summary>
    public static string Pounds(long pence) => (pence / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>"in 5 minutes", "in 40 seconds": for telling staff how long to wait.</summary>
    public static string Wait(TimeSpan span) => span.TotalSeconds < 90
        ? $"{Math.Max(1, (int)Math.Ceiling(span.TotalSeconds))} seconds"
        : $"{(int)Math.Ceiling(span.TotalMinutes)} minutes";
}
