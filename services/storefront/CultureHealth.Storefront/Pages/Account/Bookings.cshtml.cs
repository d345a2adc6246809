using CultureHealth.Storefront.Api;
using CultureHealth.Storefront.Appointments;
using Microsoft.AspNetCore.Mvc;

namespace CultureHealth.Storefront.Pages.Account;

/// <summary>Every booking made for the signed-in address (as a guest too): upcoming to manage, past as a record.</summary>
public sealed class BookingsModel(BookingApi booking) : SignedInPage
{
    public override string Section => AccountRoutes.Bookings;

    public MyBookings? Bookings { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Titled("My bookings", "Your upcoming and past appointments.");
        var reply = await booking.MyBookingsAsync(PatientToken, ct);
        if (Refused(reply))
        {
            return SignInAgain();
        }
        Bookings = reply.Value;
        return Page();
    }
}
