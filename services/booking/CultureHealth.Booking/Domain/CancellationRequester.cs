namespace CultureHealth.Booking.Domain;

public enum CancellationRequester
{
    Patient,
    Staff,
}
