using CultureHealth.Storefront.Api;
using CultureHealth.Storefront.Appointments;
using Microsoft.AspNetCore.Mvc;

namespace CultureHealth.Storefront.Pages.Booking;

/// <summary>Step 2: a practitioner who offers the appointment type, or "first available".</summary>
public sealed class PractitionersModel(BookingApi booking) : BookingPage
{
    public AppointmentType Type { get; private set; } = null!;
    public IReadOnlyList<Practitioner> Practitioners { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string type, CancellationToken ct)
    {
        var types = booking.AppointmentTypesAsync(ct);
        var practitioners = booking.PractitionersAsync(ct);
        if (await types is not { IsOk: true } loaded || await practitioners is not { IsOk: true } team)
        {
            Meta.Title = "Choose a practitioner";
            Meta.Description = "Online booking is unavailable right now.";
            return BookingUnavailable();
        }
        if (Find(loaded.Value!, type) is not { } chosen)
        {
            return NotFound();
        }
        if (chosen.Code != type)
        {
            return RedirectPermanent(BookingRoutes.Type(chosen.Code));
        }
        Type = chosen;
        var offering = chosen.PractitionerIds ?? [];
        Practitioners = [.. team.Value!.Where(p => offering.Contains(p.Id))];

        Meta.Title = $"Book {chosen.Name}: choose a practitioner";
        Meta.Description = $"{chosen.Name} at {Clinic.Name}: {chosen.DurationMinutes} minutes, {Web.Prices.Format(chosen.Price.Amount)}. Choose a practitioner or the first available time.";
        Meta.CanonicalPath = BookingRoutes.Type(chosen.Code);
        JourneyTrail(chosen);
        return Page();
    }
}
