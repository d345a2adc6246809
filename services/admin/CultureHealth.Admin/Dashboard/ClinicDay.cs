using NodaTime;

namespace CultureHealth.Admin.Dashboard;

/// <summary>"Today" and "this week" as the clinic in London means them, as UTC ranges for queries.</summary>
public static class ClinicDay
{
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];

    public static LocalDate Today(DateTimeOffset now) => Instant.FromDateTimeOffset(now).InZone(London).Date;

    /// <summary>Start of the day in London; 23 or 25 hours long across the clock changes.</summary>
    public static DateTimeOffset StartOf(LocalDate date) => London.AtStartOfDay(date).ToDateTimeOffset().ToUniversalTime();

    /// <summary>Weeks start on Monday, as the clinic's rota does.</summary>
    public static LocalDate StartOfWeek(LocalDate date) => date.PlusDays(-((int)date.DayOfWeek - 1));
}
