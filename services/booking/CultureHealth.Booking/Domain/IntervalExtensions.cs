using NodaTime;

namespace CultureHealth.Booking.Domain;

internal static class IntervalExtensions
{
    // Half-open intervals: back-to-back bookings touch but do not overlap.
    public static bool Overlaps(this Interval a, Interval b) => a.Start < b.End && b.Start < a.End;

    public static bool Encloses(this Interval outer, Interval inner) => outer.Start <= inner.Start && inner.End <= outer.End;
}
