using CultureHealth.Booking.Domain;
using CultureHealth.Booking.Data;
using CultureHealth.Messaging.Idempotency;

namespace CultureHealth.Booking.Application;

/// <summary>
/// A booking asked for by a patient or by staff: decides what the requester's proof allows before
/// <see cref="BookingCreation.CreateAsync"/> books, and what the reply may carry after. A session credit is
/// spent only for the proven owner of the address; a guest's booking waits as pending for the emailed link;
/// the manage token goes back only to the proven owner, and never for a credit-paid booking.
/// </summary>
public sealed class BookingRequests(BookingCreation bookings, PendingHolds holds)
{
    public async Task<BookingCreated> BookAsync(NewBooking request, IdempotentRequest idempotent, BookingRequester requester, CancellationToken ct)
    {
        if (request.UseCredit && !requester.Vouches(request.PatientEmail))
        {
            throw GuestBookingProblems.CreditNeedsProvenEmail();
        }

        var created = await bookings.CreateAsync(request, idempotent, BookingAdmission.For(requester, request.PatientEmail), ct);
        // Decided on the booking as stored, so an Idempotency-Key replay by someone else gets no more than this.
        var token = requester.MayReceiveManageToken(created.Booking.Patient.Email ?? "", created.Booking.PaidBy) ? created.ManageToken : null;
        var confirmBy = created.Booking.Status == BookingStatusNames.ToText(BookingStatus.Pending)
            ? await holds.ConfirmByAsync(created.Booking.Id, ct)
            : null;
        return new BookingCreated(created.Booking, token, confirmBy);
    }
}
