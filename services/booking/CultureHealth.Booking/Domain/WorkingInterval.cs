using CultureHealth.Calendar;
using NodaTime;

namespace CultureHealth.Booking.Domain;

/// <summary>
/// A stretch of wall-clock time on one day, half-open [Start, End). Intervals never cross midnight:
/// a rota that did would belong to two dates, which makes overrides and closures ambiguous.
/// </summary>
public sealed record WorkingInterval
{
    public WorkingInterval(LocalTime start, LocalTime end)
    {
        if (end <= start)
        {
            throw new ArgumentException(
                $"A working interval must end after it starts and cannot cross midnight (got {start} to {end}).",
                nameof(end));
        }

        Start = start;
        End = end;
    }

    public LocalTime Start { get; }

    public LocalTime End { get; }

    public bool Overlaps(WorkingInterval other) => Start < other.End && other.Start < End;

    /// <summary>This interval on <paramref name="date"/> as real time; see <see cref="ClinicTimeZone.Resolver"/> for DST handling.</summary>
    public Interval On(LocalDate date) =>
        new(ClinicTimeZone.Resolve(date + Start).ToInstant(), ClinicTimeZone.Resolve(date + End).ToInstant());
}
