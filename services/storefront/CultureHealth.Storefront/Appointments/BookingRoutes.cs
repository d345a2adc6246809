using CultureHealth.Storefront.Web;

namespace CultureHealth.Storefront.Appointments;

/// <summary>
/// The booking journey's URLs. Steps: <c>/book</c> (appointment type) → <c>/book/{type}</c> (practitioner or
/// "first available") → <c>/book/{type}/{who}?day=</c> (days and times) → <c>/book/{type}/details</c> (your details)
/// → <c>/booking/received</c> (check your email) → <c>/booking/confirm</c> (the emailed link) →
/// <c>/bookings/{id}/confirmed</c>. <c>/bookings/{id}?token=</c> is the manage link the emails carry.
/// </summary>
public static class BookingRoutes
{
    /// <summary>"first available": any practitioner who offers the appointment type.</summary>
    public const string AnyPractitioner = "any";

    public const string Start = "/book";
    public const string Received = "/booking/received";
    public const string Confirm = "/booking/confirm";
    public const string SignIn = "/account/sign-in";
    public const string Verify = "/account/verify";
    public const string SignOut = "/account/sign-out";

    public static string Type(string typeCode) => $"/book/{Uri.EscapeDataString(typeCode)}";

    public static string Who(Guid? practitionerId) => practitionerId?.ToString("D") ?? AnyPractitioner;

    public static string Times(string typeCode, string who, DateOnly? day = null) =>
        $"/book/{Uri.EscapeDataString(typeCode)}/{Uri.EscapeDataString(who)}" + (day is { } d ? "?day=" + Wording.Iso(d) : "");

    public static string Details(string typeCode, SlotChoice slot, string who) =>
        $"/book/{Uri.EscapeDataString(typeCode)}/details?practitioner={slot.PractitionerId:D}&start={Uri.EscapeDataString(Wording.IsoInstant(slot.Start))}&from={Uri.EscapeDataString(who)}";

    public const string MyWaitlist = "/account/waitlist";
    public const string WaitlistOffer = "/booking/offer";

    /// <summary>The waitlist form for an appointment type and "any" or one practitioner.</summary>
    public static string JoinWaitlist(string typeCode, string who) =>
        $"/booking/waitlist?type={Uri.EscapeDataString(typeCode)}&who={Uri.EscapeDataString(who)}";

    public static string SignInThenReturn(string returnUrl) => $"{SignIn}?returnUrl={Uri.EscapeDataString(returnUrl)}";

    // Pages reached with a booking's manage token (from an email): noindex, no Referer.
    public static string Manage(Guid id, string token, string? done = null) =>
        $"/bookings/{id:D}?token={Uri.EscapeDataString(token)}" + (done is null ? "" : "&done=" + Uri.EscapeDataString(done));

    public static string Confirmed(Guid id, string token) => $"/bookings/{id:D}/confirmed?token={Uri.EscapeDataString(token)}";

    public static string Calendar(Guid id, string token) => $"/bookings/{id:D}/calendar.ics?token={Uri.EscapeDataString(token)}";

    public static string Cancel(Guid id, string token) => $"/bookings/{id:D}/cancel?token={Uri.EscapeDataString(token)}";

    public static string Reschedule(Guid id, string token, DateOnly? day = null, DateTimeOffset? start = null) =>
        $"/bookings/{id:D}/reschedule?token={Uri.EscapeDataString(token)}"
        + (day is { } d ? "&day=" + Wording.Iso(d) : "")
        + (start is { } s ? "&start=" + Uri.EscapeDataString(Wording.IsoInstant(s)) : "");
}
