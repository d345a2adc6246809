using CultureHealth.Booking.Domain;
using CultureHealth.Calendar;
using NodaTime;

namespace CultureHealth.Booking.Tests.Domain;

/// <summary>Short-hands for building availability inputs in London time.</summary>
internal static class ClinicTestData
{
    public static readonly AppointmentType OneHour = new(60, 0, 0, 6500, CreditsCanPay: true);

    /// <summary>Mon-Fri 09:00-13:00 and 14:00-18:00.</summary>
    public static readonly WeeklySchedule Weekdays = new[]
    {
        IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday,
    }.Aggregate(WeeklySchedule.Empty, (week, day) => week.With(day, Hours(9, 0, 13, 0), Hours(14, 0, 18, 0)));

    public static WorkingInterval Hours(int startHour, int startMinute, int endHour, int endMinute) =>
        new(new LocalTime(startHour, startMinute), new LocalTime(endHour, endMinute));

    public static WeeklySchedule EveryDay(params WorkingInterval[] intervals) =>
        Enum.GetValues<IsoDayOfWeek>()
            .Where(day => day != IsoDayOfWeek.None)
            .Aggregate(WeeklySchedule.Empty, (week, day) => week.With(day, intervals));

    /// <summary>A London wall-clock time; ambiguous times mean their first occurrence.</summary>
    public static Instant London(int year, int month, int day, int hour, int minute) =>
        ClinicTimeZone.Resolve(new LocalDateTime(year, month, day, hour, minute)).ToInstant();

    public static Instant Utc(int year, int month, int day, int hour, int minute) =>
        Instant.FromUtc(year, month, day, hour, minute);

    public static Interval Between(Instant start, Instant end) => new(start, end);

    public static AvailabilityContext Context(
        WeeklySchedule? weekly = null,
        AppointmentType? type = null,
        BookingRules? rules = null,
        IEnumerable<DateOverride>? overrides = null,
        IEnumerable<TimeOff>? timeOff = null,
        ClinicClosures? closures = null,
        IReadOnlyList<Interval>? busy = null) =>
        new(
            new PractitionerSchedule(weekly ?? Weekdays, overrides, timeOff),
            closures ?? ClinicClosures.None,
            busy ?? [],
            type ?? OneHour,
            rules ?? BookingRules.Default);

    public static IReadOnlyList<LocalTime> LocalStartTimes(IEnumerable<AvailableSlot> slots) =>
        [.. slots.Select(slot => slot.LocalStart.TimeOfDay)];

    /// <summary>Local wall-clock times from <paramref name="first"/> to <paramref name="last"/> inclusive.</summary>
    public static IReadOnlyList<LocalTime> Times(string first, string last, int stepMinutes = 15)
    {
        var pattern = NodaTime.Text.LocalTimePattern.CreateWithInvariantCulture("HH:mm");
        var start = pattern.Parse(first).Value;
        var minutes = (pattern.Parse(last).Value.TickOfDay - start.TickOfDay) / NodaConstants.TicksPerMinute;
        return [.. Enumerable.Range(0, (int)(minutes / stepMinutes) + 1).Select(i => start.PlusMinutes(i * stepMinutes))];
    }

    public static IReadOnlyList<LocalTime> Concat(params IEnumerable<LocalTime>[] parts) => [.. parts.SelectMany(part => part)];
}
