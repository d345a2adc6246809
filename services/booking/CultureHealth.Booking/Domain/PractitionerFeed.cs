using CultureHealth.Calendar;
using NodaTime;

namespace CultureHealth.Booking.Domain;

/// <summary>
/// A booking as an event in its practitioner's subscribable diary. The feed is written by the shared
/// <see cref="IcsWriter"/>, the one notifications uses for the invitations it emails, so the diary and the
/// patient's calendar agree on UIDs and times.
/// </summary>
public static class PractitionerFeed
{
    public static IcsEvent Event(
        Guid bookingId, Instant start, Instant end, string summary, BookingStatus status, int sequence,
        string? description = null, string? location = null) =>
        // Completed and no-show appointments still took the time, so they stay on the diary as confirmed.
        new(bookingId, start, end, summary, Cancelled: status == BookingStatus.Cancelled, sequence, description, location);
}
