using NodaTime;

namespace CultureHealth.Booking.Domain;

/// <summary>Everything about one practitioner's own availability: usual week, date overrides and time off.</summary>
public sealed class PractitionerSchedule
{
    public PractitionerSchedule(
        WeeklySchedule weekly,
        IEnumerable<DateOverride>? overrides = null,
        IEnumerable<TimeOff>? timeOff = null)
    {
        ArgumentNullException.ThrowIfNull(weekly);
        Weekly = weekly;

        var byDate = new Dictionary<LocalDate, DateOverride>();
        foreach (var dateOverride in overrides ?? [])
        {
            if (!byDate.TryAdd(dateOverride.Date, dateOverride))
            {
                throw new ArgumentException($"More than one override for {dateOverride.Date}.", nameof(overrides));
            }
        }

        Overrides = byDate;
        TimeOffPeriods = [.. timeOff ?? []];
    }

    public WeeklySchedule Weekly { get; }

    public IReadOnlyDictionary<LocalDate, DateOverride> Overrides { get; }

    public IReadOnlyList<TimeOff> TimeOffPeriods { get; }

    /// <summary>
    /// The wall-clock intervals worked on <paramref name="date"/>. A closure beats an override: a bank
    /// holiday shuts the building whatever an individual rota says. Time off is not applied here because
    /// it is absolute time that may cover only part of an interval.
    /// </summary>
    public IReadOnlyList<WorkingInterval> WorkingIntervalsOn(LocalDate date, ClinicClosures closures)
    {
        ArgumentNullException.ThrowIfNull(closures);
        if (closures.IsClosedOn(date))
        {
            return [];
        }

        return Overrides.TryGetValue(date, out var dateOverride)
            ? dateOverride.Intervals
            : Weekly.IntervalsOn(date.DayOfWeek);
    }
}
