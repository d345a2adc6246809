namespace CultureHealth.Booking.Domain;

/// <summary>
/// Only a confirmed booking moves; every other status is final. Re-booking after a cancellation is a
/// new booking, so that history (and the calendar UID) of the cancelled one is never rewritten.
/// </summary>
public static class BookingStatusTransitions
{
    public static bool CanTransitionTo(this BookingStatus from, BookingStatus to) =>
        from == BookingStatus.Confirmed
        && to is BookingStatus.Cancelled or BookingStatus.Completed or BookingStatus.NoShow;

    public static bool IsFinal(this BookingStatus status) => status != BookingStatus.Confirmed;

    /// <summary>Returns <paramref name="to"/> if the move is allowed, otherwise throws.</summary>
    public static BookingStatus TransitionTo(this BookingStatus from, BookingStatus to) =>
        from.CanTransitionTo(to)
            ? to
            : throw new InvalidOperationException($"A booking cannot go from {from} to {to}.");
}
