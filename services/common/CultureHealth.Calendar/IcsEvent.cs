using NodaTime;

namespace CultureHealth.Calendar;

/// <summary>
/// One appointment as a calendar event. <see cref="Sequence"/> must increase whenever its time or status
/// changes, or calendar clients ignore the update; <see cref="Uid"/> is the same in the staff feed and
/// in every email about the booking, so clients update the event in place.
/// </summary>
public sealed record IcsEvent(
    Guid BookingId,
    Instant Start,
    Instant End,
    string Summary,
    bool Cancelled,
    int Sequence,
    string? Description = null,
    string? Location = null)
{
    public string Uid => UidFor(BookingId);

    public static string UidFor(Guid bookingId) => $"{bookingId:D}@culturehealth";
}
