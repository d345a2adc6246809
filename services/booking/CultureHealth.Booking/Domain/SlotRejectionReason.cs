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

    /// <summary>Every room of the kind the type needs is busy then (a clash, like another booking in the practitioner's diary).</summary>
    NoRoomFree,

    /// <summary>No room of the kind the type needs is open that day.</summary>
    RoomsClosed,
}
