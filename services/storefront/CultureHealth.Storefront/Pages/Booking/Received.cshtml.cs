using CultureHealth.Storefront.Appointments;

namespace CultureHealth.Storefront.Pages.Booking;

/// <summary>
/// After the details form: a guest's booking waits for the emailed link ("check your email to confirm by …"); a
/// credit-paid booking is confirmed, and its manage link comes by email only.
/// </summary>
public sealed class ReceivedModel : BookingPage
{
    public BookingReceipt? Receipt { get; private set; }

    public void OnGet()
    {
        Receipt = BookingReceipt.Read(Request);
        Meta.NoIndex = true;
        Response.Headers.CacheControl = "no-store";
        (Meta.Title, Meta.Description) = Receipt is { IsPending: false }
            ? ("You are booked", "Your appointment is booked; the confirmation is on its way by email.")
            : ("Check your email to confirm your booking", "We have emailed you a link to confirm your booking.");
    }
}
