namespace CultureHealth.Storefront.Appointments;

/// <summary>"My account": the signed-in patient's pages (each needs the ch-patient cookie, or asks to sign in first).</summary>
public static class AccountRoutes
{
    public const string Home = "/account";
    public const string Bookings = "/account/bookings";
    public const string Orders = "/account/orders";
    public const string Details = "/account/details";
    public const string Preferences = "/account/preferences";

    public static string Order(Guid id) => $"/account/orders/{id:D}";

    /// <summary>A booking opened with the patient's own token instead of an emailed manage token.</summary>
    public static string Booking(Guid id) => $"/bookings/{id:D}";

    public static string SignIn => BookingRoutes.SignInThenReturn(Home);
}
