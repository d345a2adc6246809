using CultureHealth.Booking.Domain;

namespace CultureHealth.Booking.Application;

/// <summary>
/// Who asks for a booking, as far as it matters for trusting it: the address a patient token proved (if
/// any), the client address (for the caps on open holds), and whether a member of staff is booking.
/// </summary>
public sealed record BookingRequester(string? VerifiedEmail, string ClientAddress, bool IsStaff = false)
{
    public static BookingRequester Staff(string clientAddress) => new(null, clientAddress, IsStaff: true);

    /// <summary>Whether the requester has shown that <paramref name="patientEmail"/> is theirs (or is staff, who book for patients).</summary>
    public bool Vouches(string patientEmail) =>
        IsStaff || (VerifiedEmail is not null && string.Equals(VerifiedEmail, Normalize(patientEmail), StringComparison.Ordinal));

    /// <summary>Whether the reply may carry the manage token: only to the proven owner of the address, and never for a credit-paid booking.</summary>
    public bool MayReceiveManageToken(string patientEmail, string paidBy) =>
        !IsStaff && Vouches(patientEmail) && paidBy != Data.PaymentMethods.Credit;

    public static string Normalize(string email) => email.Trim().ToLowerInvariant();
}

/// <summary>
/// How a new booking enters the diary: confirmed at once, or pending until the emailed link is followed.
/// <paramref name="OfferId"/>: the booking takes this waitlist offer, whose hold it alone may book over (and claims);
/// <paramref name="OfferRoomId"/> is the room that offer holds, if its type needs one.
/// </summary>
public sealed record BookingAdmission(BookingStatus Status, string? ClientAddress, Guid? OfferId = null, Guid? OfferRoomId = null)
{
    public static BookingAdmission Confirmed { get; } = new(BookingStatus.Confirmed, null);

    /// <summary>The patient took a waitlist offer by its emailed link, which proved the address: confirmed at once.</summary>
    public static BookingAdmission TakingOffer(Guid offerId, Guid? roomId) => new(BookingStatus.Confirmed, null, offerId, roomId);

    public static BookingAdmission PendingFrom(string clientAddress) => new(BookingStatus.Pending, clientAddress);

    public static BookingAdmission For(BookingRequester requester, string patientEmail) =>
        requester.Vouches(patientEmail) ? Confirmed : PendingFrom(requester.ClientAddress);
}
