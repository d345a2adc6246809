using System.Globalization;
using CultureHealth.Calendar;
using NodaTime.Text;

namespace CultureHealth.Notifications.Composition;

/// <summary>
/// How times and money read in emails, in English: the clinic's wall-clock time (<see cref="ClinicTimeZone"/>), pounds
/// and pence.
/// </summary>
public static class EmailWording
{
    // The invariant culture's English day and month names read as British with this pattern, and need no ICU data.
    private static readonly ZonedDateTimePattern DayAndTime =
        ZonedDateTimePattern.CreateWithInvariantCulture("dddd d MMMM uuuu 'at' HH:mm", null);

    private static readonly ZonedDateTimePattern TimeOnly =
        ZonedDateTimePattern.CreateWithInvariantCulture("HH:mm", null);

    /// <summary>"Wednesday 15 July 2026 at 10:00", in London time whatever the offset it arrived with.</summary>
    public static string ClinicDateTime(DateTimeOffset instant) => DayAndTime.Format(ClinicTimeZone.InClinicZone(instant));

    /// <summary>"10:45" in London time.</summary>
    public static string ClinicTime(DateTimeOffset instant) => TimeOnly.Format(ClinicTimeZone.InClinicZone(instant));

    /// <summary>Integer pence as "£1,234.50" (and "-£0.50").</summary>
    public static string Pounds(long pence)
    {
        var sign = pence < 0 ? "-" : "";
        var magnitude = Math.Abs((decimal)pence);
        var pounds = decimal.Truncate(magnitude / 100);
        var rest = magnitude - pounds * 100;
        return string.Create(CultureInfo.InvariantCulture, $"{sign}£{pounds:#,0}.{rest:00}");
    }
}
