using NodaTime;

namespace CultureHealth.Booking.Domain;

/// <summary>
/// Everything the availability calculation needs apart from "now" and the dates asked about.
/// <see cref="BusyIntervals"/> are the footprints of existing bookings, buffers already included
/// (see <see cref="AppointmentType.FootprintAt"/>). When rescheduling, leave the booking being moved out.
/// <see cref="Rooms"/> is the pool of the room kind the type needs, or null when it needs no room.
/// </summary>
public sealed record AvailabilityContext(
    PractitionerSchedule Schedule,
    ClinicClosures Closures,
    IReadOnlyList<Interval> BusyIntervals,
    AppointmentType AppointmentType,
    BookingRules Rules,
    RoomPool? Rooms = null)
{
    public IReadOnlyList<Interval> BusyIntervals { get; } = RequireBounded(BusyIntervals);

    private static IReadOnlyList<Interval> RequireBounded(IReadOnlyList<Interval> intervals)
    {
        ArgumentNullException.ThrowIfNull(intervals);
        if (intervals.Any(interval => !interval.HasStart || !interval.HasEnd))
        {
            throw new ArgumentException("Busy intervals must have both a start and an end.", nameof(intervals));
        }

        return intervals;
    }
}
