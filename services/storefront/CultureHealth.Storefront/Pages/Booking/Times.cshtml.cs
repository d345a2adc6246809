using CultureHealth.Calendar;
using CultureHealth.Storefront.Api;
using CultureHealth.Storefront.Appointments;
using CultureHealth.Storefront.Web;
using Microsoft.AspNetCore.Mvc;

namespace CultureHealth.Storefront.Pages.Booking;

/// <summary>Step 3: a day with free times, then a time (clinic wall clock, right across the clock changes).</summary>
public sealed class TimesModel(BookingApi booking) : BookingPage
{
    public AppointmentType Type { get; private set; } = null!;
    /// <summary>Null for "first available".</summary>
    public Practitioner? Practitioner { get; private set; }
    public SlotPickerView Picker { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string type, string who, string? day, string? week, CancellationToken ct)
    {
        Meta.Title = "Choose a date and time";
        Meta.Description = "Online booking is unavailable right now.";
        var types = booking.AppointmentTypesAsync(ct);
        var practitioners = booking.PractitionersAsync(ct);
        if (await types is not { IsOk: true } loaded || await practitioners is not { IsOk: true } team)
        {
            return BookingUnavailable();
        }
        if (Find(loaded.Value!, type) is not { } chosen)
        {
            return NotFound();
        }
        Type = chosen;
        if (who != BookingRoutes.AnyPractitioner)
        {
            if (!Guid.TryParse(who, out var id) || !(chosen.PractitionerIds ?? []).Contains(id)
                || team.Value!.FirstOrDefault(p => p.Id == id) is not { } practitioner)
            {
                return NotFound();
            }
            Practitioner = practitioner;
        }

        var today = ClinicTimeZone.Today(Clock).ToDateOnly();
        var plan = await WeekChoice.PlanAsync(booking, chosen.Id, Practitioner?.Id, day, week, today, ct);
        if (!plan.IsOk)
        {
            return BookingUnavailable();
        }
        var whoPath = BookingRoutes.Who(Practitioner?.Id);
        Picker = new SlotPickerView(plan.Value!, ClinicTimeZone.StartOfWeek(today),
            d => BookingRoutes.Times(chosen.Code, whoPath, d),
            w => BookingRoutes.Times(chosen.Code, whoPath) + "?week=" + Wording.Iso(w),
            s => BookingRoutes.Details(chosen.Code, s, whoPath),
            ShowPractitioner: Practitioner is null);

        Meta.Title = $"{chosen.Name} {WithWhom(Practitioner)}: choose a time";
        Meta.Description = $"Free times for a {chosen.DurationMinutes}-minute {chosen.Name.ToLowerInvariant()} {WithWhom(Practitioner)} at {Clinic.Name}, {Clinic.Locality}. Book online in a minute.";
        Meta.CanonicalPath = BookingRoutes.Times(chosen.Code, whoPath);
        JourneyTrail(chosen, Practitioner?.Name ?? "First available", BookingRoutes.Times(chosen.Code, whoPath));
        return Page();
    }
}
