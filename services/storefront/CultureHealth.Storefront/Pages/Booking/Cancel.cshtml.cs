using CultureHealth.Storefront.Appointments;
using CultureHealth.Storefront.Api;
using Microsoft.AspNetCore.Mvc;

namespace CultureHealth.Storefront.Pages.Booking;

/// <summary>Cancel a booking: one question, one button; booking's refusal (too late) in its own words.</summary>
public sealed class CancelModel(BookingApi booking) : ManagedBookingPage(booking)
{
    public string? Problem { get; private set; }
    public string? ProblemTitle { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? token, CancellationToken ct)
    {
        Describe();
        if (await LoadAsync(id, token, ct) is { } early)
        {
            return early;
        }
        return Appointment.IsConfirmed ? Page() : Redirect(ManageLink);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string? token, CancellationToken ct)
    {
        Describe();
        if (await LoadAsync(id, token, ct) is { } early)
        {
            return early;
        }
        var reply = await Bookings.CancelAsync(Id, Token, PatientToken, ct);
        switch (reply.Kind)
        {
            case ReplyKind.Done:
                return Redirect(BookingRoutes.Manage(Id, Token, "cancelled"));
            case ReplyKind.NotFound:
                return NotValid();
            case ReplyKind.Conflict or ReplyKind.Invalid:
                // "Too late to cancel online: … until 24 hours before the appointment. Please call the clinic."
                ProblemTitle = reply.Problem?.Title ?? "This booking cannot be cancelled online";
                Problem = reply.Problem?.Detail;
                return Page();
            default:
                ProblemTitle = "We could not reach our booking system";
                Problem = $"Your booking is not cancelled yet. Please try again in a minute, or call us on {Clinic.Telephone}.";
                return Page();
        }
    }

    private void Describe()
    {
        Meta.Title = "Cancel your booking";
        Meta.Description = "Cancel your appointment.";
    }
}
