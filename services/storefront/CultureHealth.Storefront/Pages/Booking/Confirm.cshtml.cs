using CultureHealth.Storefront.Api;
using CultureHealth.Storefront.Appointments;
using Microsoft.AspNetCore.Mvc;

namespace CultureHealth.Storefront.Pages.Booking;

/// <summary>
/// The "please confirm your booking" email's link. Opening it shows the booking and one button: confirming is a
/// POST, because mail scanners open links by themselves, and a booking someone else made in your name must not be
/// confirmed by your mail system.
/// </summary>
public sealed class ConfirmModel(BookingApi booking) : ManagedBookingPage(booking)
{
    public bool Expired { get; private set; }
    public string? Outcome { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid booking, string? token, CancellationToken ct)
    {
        Describe();
        if (await LoadAsync(booking, token, ct) is { } early)
        {
            return early;
        }
        return Next() ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid booking, string? token, CancellationToken ct)
    {
        Describe();
        if (await LoadAsync(booking, token, ct) is { } early)
        {
            return early;
        }
        if (Next() is { } settled)
        {
            return settled;
        }
        var reply = await Bookings.ConfirmAsync(Id, Token, ct);
        switch (reply.Kind)
        {
            case ReplyKind.Done:
                return Redirect(BookingRoutes.Confirmed(Id, Token));
            case ReplyKind.NotFound:
                return NotValid();
            case ReplyKind.Conflict when reply.Problem?.Is("confirmation-expired") == true:
                Expired = true;
                return Page();
            case ReplyKind.Conflict:
                Outcome = reply.Problem?.Detail ?? "This booking can no longer be confirmed.";
                return Page();
            default:
                Outcome = $"We could not reach our booking system. Please press Confirm again in a minute, or call us on {Clinic.Telephone}.";
                return Page();
        }
    }

    /// <summary>Confirmed already (a second click): the confirmation page. Expired or cancelled: say so.</summary>
    private IActionResult? Next()
    {
        switch (Appointment.Status)
        {
            case BookingStatuses.Pending:
                return null;
            case BookingStatuses.Expired:
                Expired = true;
                return Page();
            case BookingStatuses.Confirmed:
                return Redirect(BookingRoutes.Confirmed(Id, Token));
            default:
                return Redirect(ManageLink);
        }
    }

    private void Describe()
    {
        Meta.Title = "Confirm your booking";
        Meta.Description = "Confirm the appointment you booked online.";
    }
}
