namespace CultureHealth.Booking.Domain;

/// <summary>
/// A pending booking is either confirmed (the patient followed the emailed link) or expires; only a
/// confirmed booking moves on, and every other status is final. Re-booking after a cancellation or an
/// expiry is a new booking, so that history (and the calendar UID) of the old one is never rewritten.
/// </summary>
public static class BookingStatusTransitions
{
    public static bool CanTransitionTo(this BookingStatus from, BookingStatus to) => from switch
    {
        BookingStatus.Pending => to is BookingStatus.Confirmed or BookingStatus.Expired,
        BookingStatus.Confirmed => to is BookingStatus.Cancelled or BookingStatus.Completed or BookingStatus.NoShow,
        _ => false,
    };

    public static bool IsFinal(this BookingStatus status) => status is not (BookingStatus.Confirmed or BookingStatus.Pending);

    /// <summary>Returns <paramref name="to"/> if the move is allowed, otherwise throws.</summary>
    public static BookingStatus TransitionTo(this BookingStatus from, BookingStatus to) =>
        from.CanTransitionTo(to)
            ? to
            : throw new InvalidOperationException($"A booking cannot go from {from} to {to}.");
}
