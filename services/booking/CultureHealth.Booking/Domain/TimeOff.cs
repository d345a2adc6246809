using CultureHealth.Calendar;
using NodaTime;

namespace CultureHealth.Booking.Domain;

/// <summary>
/// An absolute period, half-open [Start, End), when a practitioner is unavailable. Stored as instants
/// rather than local times so that "leave from 14:00" means the same moment whatever the clocks do.
/// </summary>
public sealed record TimeOff
{
    public TimeOff(Instant start, Instant end)
    {
        if (end <= start)
        {
            throw new ArgumentException("Time off must end after it starts.", nameof(end));
        }

        Start = start;
        End = end;
    }

    public Instant Start { get; }

    public Instant End { get; }

    public Interval Period => new(Start, End);

    /// <summary>From the start of <paramref name="first"/> to the end of <paramref name="last"/>, clinic time.</summary>
    public static TimeOff WholeDays(LocalDate first, LocalDate last)
    {
        if (last < first)
        {
            throw new ArgumentException("The last day of time off cannot precede the first.", nameof(last));
        }

        return new TimeOff(ClinicTimeZone.StartOfDay(first), ClinicTimeZone.StartOfDay(last.PlusDays(1)));
    }
}
