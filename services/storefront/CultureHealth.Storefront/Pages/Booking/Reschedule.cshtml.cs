using CultureHealth.Calendar;
using CultureHealth.Storefront.Api;
using CultureHealth.Storefront.Appointments;
using CultureHealth.Storefront.Web;
using Microsoft.AspNetCore.Mvc;

namespace CultureHealth.Storefront.Pages.Booking;

/// <summary>
/// Move a booking: the same week strip and times as booking (the same availability, same practitioner and
/// appointment), then one confirming button. Booking's refusal (too late, the time just taken) is shown in its words.
/// </summary>
public sealed class RescheduleModel(BookingApi booking) : ManagedBookingPage(booking)
{
    public SlotPickerView? Picker { get; private set; }
    /// <summary>The new time chosen (?start=), to confirm.</summary>
    public DateTimeOffset? NewStart { get; private set; }
    public string? Problem { get; private set; }
    public string? ProblemTitle { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? token, string? day, string? week, string? start, CancellationToken ct)
    {
        Meta.Title = "Change the time of your booking";
        Meta.Description = "Choose a new time for your appointment.";
        if (await LoadAsync(id, token, ct) is { } early)
        {
            return early;
        }
        if (!Appointment.IsConfirmed)
        {
            return Redirect(ManageLink);
        }
        if (Wording.TryParseInstant(start, out var newStart))
        {
            NewStart = newStart;
            return Page();
        }
        return await PickerAsync(day, week, ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string? token, string? start, CancellationToken ct)
    {
        Meta.Title = "Change the time of your booking";
        Meta.Description = "Choose a new time for your appointment.";
        if (await LoadAsync(id, token, ct) is { } early)
        {
            return early;
        }
        if (!Wording.TryParseInstant(start, out var newStart))
        {
            return await PickerAsync(null, null, ct);
        }
        NewStart = newStart;
        var reply = await Bookings.RescheduleAsync(Id, Token, PatientToken, newStart, ct);
        switch (reply.Kind)
        {
            case ReplyKind.Done:
                return Redirect(BookingRoutes.Manage(Id, Token, "rescheduled"));
            case ReplyKind.NotFound:
                return NotValid();
            case ReplyKind.Conflict or ReplyKind.Invalid:
                // "Too late to reschedule online", "That slot was just taken", "Bookings need at least 120 minutes' notice".
                ProblemTitle = reply.Problem?.Title ?? "This time cannot be booked";
                Problem = reply.Problem?.ErrorFor("start") ?? reply.Problem?.Detail;
                return Page();
            default:
                ProblemTitle = "We could not reach our booking system";
                Problem = $"Your booking has not changed. Please try again in a minute, or call us on {Clinic.Telephone}.";
                return Page();
        }
    }

    public bool TooLate => !CanChangeOnline;

    private async Task<IActionResult> PickerAsync(string? day, string? week, CancellationToken ct)
    {
        var today = ClinicTimeZone.Today(Clock).ToDateOnly();
        // Without a choice yet, start from the week of the current appointment: nearby times are one look away.
        var current = ClinicTimeZone.DateOf(Appointment.Start).ToDateOnly();
        var weekHint = week ?? (day is null && current >= today ? Wording.Iso(current) : null);
        var plan = await WeekChoice.PlanAsync(Bookings, Appointment.AppointmentTypeId, Appointment.PractitionerId, day, weekHint, today, ct);
        if (!plan.IsOk)
        {
            return BookingUnavailable();
        }
        Picker = new SlotPickerView(plan.Value!, ClinicTimeZone.StartOfWeek(today),
            d => BookingRoutes.Reschedule(Id, Token, day: d),
            w => BookingRoutes.Reschedule(Id, Token) + "&week=" + Wording.Iso(w),
            s => BookingRoutes.Reschedule(Id, Token, start: s.Start),
            ShowPractitioner: false);
        return Page();
    }
}
