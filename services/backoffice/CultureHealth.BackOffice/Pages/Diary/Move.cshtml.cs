using CultureHealth.BackOffice.AdminApi;
using CultureHealth.BackOffice.Web;
using CultureHealth.Calendar;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace CultureHealth.BackOffice.Pages.Diary;

/// <summary>
/// Moves an appointment to another free time of the same practitioner. The times offered are booking's own
/// availability (the website's rule); the diary's drag-and-drop posts to the same handler.
/// </summary>
public sealed class MoveModel(DiaryApi diary, TimeProvider clock) : StaffPageModel
{
    public Booking? Booking { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Date { get; set; }

    /// <summary>The new start, ISO 8601 with offset (a radio button's value, or the drop target's).</summary>
    [BindProperty]
    public string? Start { get; set; }

    public LocalDate Day { get; private set; }

    public IReadOnlyList<Slot> Slots { get; private set; } = [];

    public bool SlotsUnavailable { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!DateTimeOffset.TryParse(Start, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var start))
        {
            ModelState.AddModelError(nameof(Start), "Choose a new time.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await LoadAsync(id, ct) ?? Page();
        }
        var result = await diary.MoveAsync(id, start, ct);
        if (result.IsSuccess)
        {
            return Done("moved", "/Diary/Booking", new { id });
        }
        if (result.Problem!.Status == StatusCodes.Status403Forbidden)
        {
            return Forbid();
        }
        return await RefusedAndReloadedAsync(result.Problem, new Dictionary<string, string> { ["start"] = nameof(Start) }, () => LoadAsync(id, ct));
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var result = await diary.BookingAsync(id, ct);
        if (result.Value is not { } booking)
        {
            return result.Problem!.Status switch
            {
                StatusCodes.Status403Forbidden => Forbid(),
                StatusCodes.Status404NotFound => NotFound(),
                _ => Refused(result.Problem),
            };
        }
        Booking = booking;
        var today = ClinicTimeZone.Today(clock);
        var current = ClinicTimeZone.InClinicZone(booking.Start).Date;
        Day = Wording.TryParseIso(Date, out var day) ? day : current < today ? today : current;
        var slots = await diary.AvailabilityAsync(booking.AppointmentTypeId, booking.PractitionerId, Day, Day, ct);
        if (slots.Value is { } availability)
        {
            Slots = [.. availability.Practitioners.SelectMany(p => p.Slots)];
        }
        else
        {
            SlotsUnavailable = true;
        }
        return null;
    }
}
