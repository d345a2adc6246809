using NodaTime;

namespace CultureHealth.Booking.Domain;

/// <summary>
/// Replaces the weekly pattern for one date: no intervals means a day off; otherwise these
/// intervals are the whole day (so "extra hours" are expressed by listing all of that day's hours).
/// </summary>
public sealed class DateOverride
{
    public DateOverride(LocalDate date, params IEnumerable<WorkingInterval> intervals)
    {
        Date = date;
        Intervals = WorkingIntervals.Normalize(intervals, nameof(intervals));
    }

    public static DateOverride DayOff(LocalDate date) => new(date);

    public LocalDate Date { get; }

    public IReadOnlyList<WorkingInterval> Intervals { get; }

    public bool IsDayOff => Intervals.Count == 0;
}
