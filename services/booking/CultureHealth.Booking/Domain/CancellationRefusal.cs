namespace CultureHealth.Booking.Domain;

public enum CancellationRefusal
{
    /// <summary>The booking is already cancelled, completed or marked as a no-show.</summary>
    NotConfirmed,

    /// <summary>The patient is inside the free-cancellation window; they must contact the clinic.</summary>
    TooLate,

    /// <summary>The appointment has already started.</summary>
    AlreadyStarted,
}
