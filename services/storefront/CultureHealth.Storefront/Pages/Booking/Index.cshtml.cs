using CultureHealth.Storefront.Api;
using CultureHealth.Storefront.Appointments;
using Microsoft.AspNetCore.Mvc;

namespace CultureHealth.Storefront.Pages.Booking;

/// <summary>Step 1: what kind of appointment (with its price and length).</summary>
public sealed class IndexModel(BookingApi booking) : BookingPage
{
    public IReadOnlyList<AppointmentType> Types { get; private set; } = [];

    /// <param name="appointmentType">Links from elsewhere on the site may name the type (?appointmentType=initial-assessment).</param>
    public async Task<IActionResult> OnGetAsync(string? appointmentType, CancellationToken ct)
    {
        Meta.Title = "Book a consultation";
        Meta.Description = $"Book a physiotherapy appointment at {Clinic.Name} in {Clinic.Locality} online: choose the appointment, the physiotherapist and a time that suits you.";
        Meta.CanonicalPath = BookingRoutes.Start;
        JourneyTrail();

        var types = await booking.AppointmentTypesAsync(ct);
        if (!types.IsOk)
        {
            return BookingUnavailable();
        }
        if (Find(types.Value!, appointmentType) is { } chosen)
        {
            return Redirect(BookingRoutes.Type(chosen.Code));
        }
        Types = types.Value!;
        return Page();
    }
}
