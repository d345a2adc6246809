using NodaTime;

namespace CultureHealth.Booking.Domain;

/// <summary>
/// One booking as it appears in a calendar. <see cref="Sequence"/> must increase whenever the booking's
/// time or status changes, or calendar clients will ignore the update.
/// </summary>
public sealed record CalendarEntry(
    Guid BookingId,
    Instant Start,
    Instant End,
    string Summary,
    BookingStatus Status,
    int Sequence,
    string? Description = null,
    string? Location = null)
{
    public string Uid => $"{BookingId:D}@culturehealth";
}
