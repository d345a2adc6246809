using CultureHealth.Storefront.Api;
using CultureHealth.Storefront.Appointments;
using Microsoft.AspNetCore.Mvc;

namespace CultureHealth.Storefront.Pages.Booking;

/// <summary>
/// The manage link from the emails: the booking, and (within the free window) change the time or cancel. Past the
/// window the page says so and gives the phone number; booking itself refuses a late change with its own words,
/// which the reschedule and cancel pages show.
/// </summary>
public sealed class ManageModel(BookingApi booking) : ManagedBookingPage(booking)
{
    /// <summary>"cancelled" or "rescheduled" after one of those pages.</summary>
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? token, string? done, CancellationToken ct)
    {
        Meta.Title = "Your booking";
        Meta.Description = "See, change or cancel your appointment.";
        if (await LoadAsync(id, token, ct) is { } early)
        {
            return early;
        }
        Done = done is "cancelled" or "rescheduled" ? done : null;
        return Page();
    }

    public string StatusText => AccountText.BookingStatus(Appointment.Status);

    public bool HasStarted => Clock.GetUtcNow() >= Appointment.Start;
}
