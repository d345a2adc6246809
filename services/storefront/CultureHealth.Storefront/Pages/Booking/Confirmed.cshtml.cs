using CultureHealth.Storefront.Api;
using Microsoft.AspNetCore.Mvc;

namespace CultureHealth.Storefront.Pages.Booking;

/// <summary>The end of the journey: booked, with the calendar file to download and the manage link to keep.</summary>
public sealed class ConfirmedModel(BookingApi booking) : ManagedBookingPage(booking)
{
    public async Task<IActionResult> OnGetAsync(Guid id, string? token, CancellationToken ct)
    {
        Meta.Title = "You are booked";
        Meta.Description = "Your appointment is confirmed.";
        if (await LoadAsync(id, token, ct) is { } early)
        {
            return early;
        }
        // Anything but a confirmed booking (pending, cancelled, moved on) is the manage page's to explain.
        return Appointment.IsConfirmed ? Page() : Redirect(ManageLink);
    }
}
