using NodaTime;

namespace CultureHealth.Booking.Domain;

/// <summary>
/// What is being booked. Buffers are preparation/clean-up time the practitioner needs around the
/// appointment; the patient only sees <see cref="Duration"/>. <see cref="RoomKind"/> names the kind of room
/// (e.g. "treatment-room", "rehab-gym") a booking must also hold, or is null when it needs none.
/// </summary>
public sealed record AppointmentType(
    int DurationMinutes,
    int BufferBeforeMinutes,
    int BufferAfterMinutes,
    long PricePence,
    bool CreditsCanPay,
    string? RoomKind = null)
{
    public int DurationMinutes { get; } = DurationMinutes > 0
        ? DurationMinutes
        : throw new ArgumentOutOfRangeException(nameof(DurationMinutes), DurationMinutes, "Duration must be positive.");

    public int BufferBeforeMinutes { get; } = BufferBeforeMinutes >= 0
        ? BufferBeforeMinutes
        : throw new ArgumentOutOfRangeException(nameof(BufferBeforeMinutes), BufferBeforeMinutes, "Buffers cannot be negative.");

    public int BufferAfterMinutes { get; } = BufferAfterMinutes >= 0
        ? BufferAfterMinutes
        : throw new ArgumentOutOfRangeException(nameof(BufferAfterMinutes), BufferAfterMinutes, "Buffers cannot be negative.");

    public long PricePence { get; } = PricePence >= 0
        ? PricePence
        : throw new ArgumentOutOfRangeException(nameof(PricePence), PricePence, "Price cannot be negative.");

    public Duration Duration => Duration.FromMinutes(DurationMinutes);

    public Duration BufferBefore => Duration.FromMinutes(BufferBeforeMinutes);

    public Duration BufferAfter => Duration.FromMinutes(BufferAfterMinutes);

    /// <summary>The time the patient is with the practitioner, in real elapsed time.</summary>
    public Interval AppointmentAt(Instant start) => new(start, start + Duration);

    /// <summary>
    /// The time a booking starting at <paramref name="start"/> takes out of the diary, buffers included.
    /// This is what gets stored as the booking's busy interval and what must not overlap other bookings.
    /// </summary>
    public Interval FootprintAt(Instant start) => new(start - BufferBefore, start + Duration + BufferAfter);
}
