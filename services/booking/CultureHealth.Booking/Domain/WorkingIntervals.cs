using NodaTime;

namespace CultureHealth.Booking.Domain;

internal static class WorkingIntervals
{
    /// <summary>
    /// Sorts a day's intervals and rejects overlaps: an overlap is always a rota mistake, and
    /// silently merging it would let an appointment straddle what the practitioner meant as two blocks.
    /// </summary>
    public static IReadOnlyList<WorkingInterval> Normalize(IEnumerable<WorkingInterval> intervals, string paramName)
    {
        ArgumentNullException.ThrowIfNull(intervals, paramName);
        var sorted = intervals.OrderBy(interval => interval.Start).ToArray();
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i].Overlaps(sorted[i - 1]))
            {
                throw new ArgumentException(
                    $"Working intervals on the same day must not overlap ({sorted[i - 1].Start}-{sorted[i - 1].End} and {sorted[i].Start}-{sorted[i].End}).",
                    paramName);
            }
        }

        return Array.AsReadOnly(sorted);
    }

    /// <summary>
    /// The parts of <paramref name="after"/> that <paramref name="before"/> did not cover (both one day's normalised
    /// intervals): the hours a change to that day made workable. Hours taken away are not an opening, so they are ignored.
    /// </summary>
    public static IEnumerable<WorkingInterval> Added(IReadOnlyList<WorkingInterval> before, IReadOnlyList<WorkingInterval> after)
    {
        foreach (var interval in after)
        {
            var start = interval.Start;
            foreach (var covered in before.Where(b => b.Overlaps(interval)).OrderBy(b => b.Start))
            {
                if (covered.Start > start)
                {
                    yield return new WorkingInterval(start, covered.Start);
                }

                start = LocalTime.Max(start, covered.End);
            }

            if (start < interval.End)
            {
                yield return new WorkingInterval(start, interval.End);
            }
        }
    }
}
