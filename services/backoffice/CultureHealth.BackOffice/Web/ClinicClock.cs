using System.Globalization;
using CultureHealth.Calendar;
using NodaTime;

namespace CultureHealth.BackOffice.Web;

/// <summary>Times as the clinic's staff read them: London wall-clock, British formats.</summary>
public static class ClinicClock
{
    public static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    public static ZonedDateTime Local(DateTimeOffset instant) => ClinicTimeZone.InClinicZone(Instant.FromDateTimeOffset(instant));

    public static LocalDate Today(TimeProvider clock) => Local(clock.GetUtcNow()).Date;

    /// <summary>"14:30".</summary>
    public static string Time(DateTimeOffset instant) => Local(instant).ToString("HH:mm", British);

    /// <summary>"Tuesday 1 December 2026".</summary>
    public static string Day(LocalDate date) => date.ToString("dddd d MMMM yyyy", British);

    /// <summary>"Tue 1 Dec".</summary>
    public static string ShortDay(LocalDate date) => date.ToString("ddd d MMM", British);

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

    /// <summary>"in 5 minutes", "in 40 seconds": for telling staff how long to wait.</summary>
    public static string Wait(TimeSpan span) => span.TotalSeconds < 90
        ? $"{Math.Max(1, (int)Math.Ceiling(span.TotalSeconds))} seconds"
        : $"{(int)Math.Ceiling(span.TotalMinutes)} minutes";
}
