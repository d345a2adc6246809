using CultureHealth.Booking.Domain;
using CultureHealth.ServiceDefaults.Problems;

namespace CultureHealth.Booking.Application;

/// <summary>The problems of proving who books: credits need a proven address, holds are capped and run out.</summary>
public static class GuestBookingProblems
{
    private const string TypeBase = "https://culturehealth.example/problems/booking/";

    /// <summary>
    /// Said before anything about credits is looked up, in the same words whether or not the address has any,
    /// so a stranger learns nothing about another patient's credits.
    /// </summary>
    public static ProblemException CreditNeedsProvenEmail() => new(StatusCodes.Status403Forbidden, "Sign in to use a session credit",
        "Session credits can be used only after proving the email address they belong to: ask for a code at " +
        "/api/patients/email-proofs, then book with the patient access token (Authorization: Bearer) for patient.email.",
        field: "useCredit", type: TypeBase + "credit-needs-proven-email");

    public static ProblemException TooManyPending(bool forEmail, int open, NodaTime.Duration untilOneExpires)
    {
        var retryAfter = untilOneExpires.ToTimeSpan() > TimeSpan.Zero ? untilOneExpires.ToTimeSpan() : TimeSpan.FromSeconds(1);
        var who = forEmail ? "This email address" : "Your connection";
        return ProblemException.TooManyRequests("Too many unconfirmed bookings",
            $"{who} already has {open} bookings waiting to be confirmed. Confirm them with the links we emailed, " +
            $"or wait about {Math.Max(1, (int)Math.Ceiling(retryAfter.TotalMinutes))} minutes for the oldest to expire.",
            retryAfter, field: forEmail ? "patient.email" : null, type: TypeBase + "too-many-pending");
    }

    public static ProblemException NotPending(BookingStatus status) => status == BookingStatus.Expired
        ? new ProblemException(StatusCodes.Status409Conflict, "This booking was not confirmed in time",
            "The time was held for you only for a short while and has been released. Please book again.", type: TypeBase + "confirmation-expired")
        : BookingProblems.NotConfirmed();
}
