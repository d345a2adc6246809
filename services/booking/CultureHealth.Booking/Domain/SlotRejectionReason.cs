namespace CultureHealth.Booking.Domain;

/// <summary>Why a requested start time cannot be booked.</summary>
public enum SlotRejectionReason
{
    NotOnSlotBoundary,
    OutsideWorkingHours,
    TooSoon,
    BeyondHorizon,
    InThePast,
    Clash,
    Closed,
    TimeOff,
}
