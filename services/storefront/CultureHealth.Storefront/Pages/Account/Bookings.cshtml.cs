using CultureHealth.Storefront.Api;
using CultureHealth.Storefront.Appointments;

namespace CultureHealth.Storefront.Pages.Account;

/// <summary>Every booking made for the signed-in address (as a guest too): upcoming to manage, past as a record.</summary>
public sealed class BookingsModel(BookingApi booking)
    : SignedInListPage<MyBookings>("My bookings", "Your upcoming and past appointments.", booking.MyBookingsAsync)
{
    public override string Section => AccountRoutes.Bookings;

    public MyBookings? Bookings => Shown;
}
