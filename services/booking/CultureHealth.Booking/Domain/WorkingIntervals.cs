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
}
