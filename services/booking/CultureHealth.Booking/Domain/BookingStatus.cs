namespace CultureHealth.Booking.Domain;

public enum BookingStatus
{
    Confirmed,
    Cancelled,
    Completed,
    NoShow,

    /// <summary>A guest's booking holding its slot until the patient follows the emailed link.</summary>
    Pending,

    /// <summary>A pending booking that was not confirmed in time; its slot was released.</summary>
    Expired,
}

public static class DiaryHolds
{
    /// <summary>
    /// Whether a booking in this status takes time in a practitioner's diary. Availability (DiaryReader), the
    /// pre-insert check and the exclusion constraint (spelled status IN ('pending', 'confirmed') in SQL) count exactly these.
    /// </summary>
    public static bool HoldsTheDiary(this BookingStatus status) => status is BookingStatus.Pending or BookingStatus.Confirmed;
}
