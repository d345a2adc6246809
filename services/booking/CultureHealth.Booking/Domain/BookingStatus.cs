namespace CultureHealth.Booking.Domain;

public enum BookingStatus
{
    Confirmed,
    Cancelled,
    Completed,
    NoShow,
}
