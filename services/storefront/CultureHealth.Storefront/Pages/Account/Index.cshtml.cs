using CultureHealth.Storefront.Api;
using CultureHealth.Storefront.Appointments;
using Microsoft.AspNetCore.Mvc;

namespace CultureHealth.Storefront.Pages.Account;

/// <summary>
/// "My account": the next appointments, the latest orders and the session credits left, each read from its own
/// service with the patient's token, so one service being down leaves the others on the page.
/// </summary>
public sealed class IndexModel(PatientsApi patients, BookingApi booking, ShopApi shop) : SignedInPage
{
    public const int Shown = 3;

    public override string Section => AccountRoutes.Home;

    public PatientProfile? Profile { get; private set; }
    public MyBookings? Bookings { get; private set; }
    public MyOrders? Orders { get; private set; }
    public Credits? Credits { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Titled("My account", "Your appointments, orders, session credits and email preferences.");
        var profile = patients.ProfileAsync(PatientToken, ct);
        var bookings = booking.MyBookingsAsync(PatientToken, ct);
        var orders = shop.MyOrdersAsync(PatientToken, ct);
        var credits = booking.CreditsAsync(PatientToken, ct);
        await Task.WhenAll(profile, bookings, orders, credits);
        if (Refused(profile.Result) || Refused(bookings.Result) || Refused(orders.Result) || Refused(credits.Result))
        {
            return SignInAgain();
        }
        Profile = profile.Result.Value;
        Bookings = bookings.Result.Value;
        Orders = orders.Result.Value;
        Credits = credits.Result.Value;
        return Page();
    }

    /// <summary>The address the patient signed in with (every service answers for the same one).</summary>
    public string? Email => Profile?.Email ?? Bookings?.Email ?? Orders?.Email ?? Credits?.Email;
}
