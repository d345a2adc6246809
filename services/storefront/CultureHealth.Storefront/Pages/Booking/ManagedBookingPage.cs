using CultureHealth.Calendar;
using CultureHealth.Storefront.Api;
using CultureHealth.Storefront.Appointments;
using CultureHealth.Storefront.Web;
using Microsoft.AspNetCore.Mvc;

namespace CultureHealth.Storefront.Pages.Booking;

/// <summary>
/// A page reached with a booking's manage token from an email (confirm, confirmed, manage, reschedule, cancel,
/// calendar): the token is checked by booking on every request, never kept by the website; the page is
/// noindex and sends no Referer. A wrong token and an unknown booking look the same. Without a manage token (the
/// links in "My account") the signed-in patient's token stands in: booking opens the booking only if it was made
/// for the address that token proves; a visitor who is not signed in is asked to sign in first.
/// </summary>
public abstract class ManagedBookingPage(BookingApi booking) : BookingPage
{
    protected BookingApi Bookings => booking;

    public Appointment Appointment { get; private set; } = null!;
    public Guid Id { get; private set; }
    public string Token { get; private set; } = "";
    public bool LinkNotValid { get; private set; }

    /// <summary>The signed-in patient's token, used when the URL carries no manage token.</summary>
    protected string? PatientToken { get; private set; }

    public AppointmentSummary Summary => AppointmentSummary.Of(Appointment, Clinic);
    public string ManageLink => BookingRoutes.Manage(Id, Token);

    /// <summary>Whether the free change/cancel window is still open (booking decides; this only words the page).</summary>
    public bool CanChangeOnline => Appointment.IsConfirmed && Clock.GetUtcNow() <= Appointment.FreeCancellationUntil;

    public string TelephoneLink => "tel:" + Clinic.Telephone.Replace(" ", "", StringComparison.Ordinal);

    /// <returns>Null when <see cref="Appointment"/> is loaded; otherwise the page to show.</returns>
    protected async Task<IActionResult?> LoadAsync(Guid id, string? token, CancellationToken ct)
    {
        KeepSecretUrl();
        Id = id;
        Token = token ?? "";
        if (string.IsNullOrWhiteSpace(token))
        {
            PatientToken = PatientSession.Token(Request);
            if (PatientToken is null)
            {
                return Redirect(BookingRoutes.SignInThenReturn(Request.Path + Request.QueryString));
            }
        }
        var reply = await booking.BookingAsync(id, token, PatientToken, ct);
        switch (reply.Kind)
        {
            case ReplyKind.Done:
                Appointment = reply.Value!;
                return null;
            case ReplyKind.NotFound or ReplyKind.Invalid:
                return NotValid();
            default:
                return BookingUnavailable();
        }
    }

    protected IActionResult NotValid()
    {
        LinkNotValid = true;
        Meta.Title = "This booking link does not work";
        Meta.Description = "The link may be incomplete or mistyped.";
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    /// <summary>"Monday 30 November 2026 at 09:00", the end of the free change/cancel window.</summary>
    public string ChangeDeadline => $"{Wording.FullDay(ClinicTimeZone.DateOf(Appointment.FreeCancellationUntil).ToDateOnly())} at {Wording.Time(Appointment.FreeCancellationUntil)}";
}
