namespace CultureHealth.Booking.Domain;

public sealed record BookabilityResult(SlotRejectionReason? Rejection)
{
    public static BookabilityResult Bookable { get; } = new((SlotRejectionReason?)null);

    public bool IsBookable => Rejection is null;

    public static BookabilityResult Rejected(SlotRejectionReason reason) => new(reason);
}
