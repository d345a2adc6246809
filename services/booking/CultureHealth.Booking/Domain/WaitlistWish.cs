using CultureHealth.Calendar;
using NodaTime;

namespace CultureHealth.Booking.Domain;

/// <summary>
/// The days and times a waiting patient can come, in clinic time: a date range, the weekdays that suit, and the
/// earliest and latest start. Whether a slot suits is decided here only.
/// </summary>
public sealed record WaitlistWish(LocalDate FromDate, LocalDate ToDate, int Weekdays, LocalTime EarliestStart, LocalTime LatestStart)
{
    public const int EveryDay = 0b111_1111;

    public static int WeekdayBit(IsoDayOfWeek day) => 1 << ((int)day - 1);

    public static int WeekdaysOf(IEnumerable<IsoDayOfWeek> days) => days.Aggregate(0, (bits, day) => bits | WeekdayBit(day));

    public IReadOnlyList<IsoDayOfWeek> Days =>
        [.. Enum.GetValues<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None && (Weekdays & WeekdayBit(d)) != 0)];

    /// <summary>Whether an appointment starting at <paramref name="start"/> suits (its clinic-local date, weekday and start time).</summary>
    public bool Suits(Instant start)
    {
        var local = ClinicTimeZone.InClinicZone(start).LocalDateTime;
        return local.Date >= FromDate && local.Date <= ToDate
            && (Weekdays & WeekdayBit(local.DayOfWeek)) != 0
            && local.TimeOfDay >= EarliestStart && local.TimeOfDay <= LatestStart;
    }
}
