using CultureHealth.Calendar;
using NodaTime;

namespace CultureHealth.Admin.Dashboard;

/// <summary>"Today" and "this week" as the clinic in London means them, as UTC ranges for queries.</summary>
public static class ClinicDay
{
    public static LocalDate Today(DateTimeOffset now) => ClinicTimeZone.InClinicZone(Instant.FromDateTimeOffset(now)).Date;

    /// <summary>Start of the day in London; 23 or 25 hours long across the clock changes.</summary>
    public static DateTimeOffset StartOf(LocalDate date) => ClinicTimeZone.Zone.AtStartOfDay(date).ToDateTimeOffset().ToUniversalTime();

    /// <summary>Weeks start on Monday, as the clinic's rota does.</summary>
    public static LocalDate StartOfWeek(LocalDate date) => date.PlusDays(-((int)date.DayOfWeek - 1));
}
