using NodaTime;

namespace CultureHealth.Booking.Domain;

/// <summary>A practitioner's usual working week in clinic wall-clock time. Immutable.</summary>
public sealed class WeeklySchedule
{
    private static readonly IReadOnlyList<WorkingInterval> NoIntervals = [];

    private readonly IReadOnlyDictionary<IsoDayOfWeek, IReadOnlyList<WorkingInterval>> _days;

    private WeeklySchedule(IReadOnlyDictionary<IsoDayOfWeek, IReadOnlyList<WorkingInterval>> days) => _days = days;

    public static WeeklySchedule Empty { get; } = new(new Dictionary<IsoDayOfWeek, IReadOnlyList<WorkingInterval>>());

    /// <summary>Returns a copy whose <paramref name="day"/> has exactly these intervals (none = not working).</summary>
    public WeeklySchedule With(IsoDayOfWeek day, params IEnumerable<WorkingInterval> intervals)
    {
        if (day == IsoDayOfWeek.None)
        {
            throw new ArgumentOutOfRangeException(nameof(day), day, "A real day of the week is required.");
        }

        var days = new Dictionary<IsoDayOfWeek, IReadOnlyList<WorkingInterval>>(_days)
        {
            [day] = WorkingIntervals.Normalize(intervals, nameof(intervals)),
        };
        return new WeeklySchedule(days);
    }

    public IReadOnlyList<WorkingInterval> IntervalsOn(IsoDayOfWeek day) =>
        _days.TryGetValue(day, out var intervals) ? intervals : NoIntervals;
}
