using System.ComponentModel.DataAnnotations;
using CultureHealth.BackOffice.AdminApi;
using CultureHealth.BackOffice.Web;
using CultureHealth.Calendar;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace CultureHealth.BackOffice.Pages.Diary;

/// <summary>
/// Books a patient who phones in. Step one (a GET form) picks the appointment, practitioner and day; the free
/// times come from booking's availability, the website's own rule. Step two posts the chosen time and the
/// patient's details with an idempotency key made when the form was drawn, so a double click books once.
/// </summary>
public sealed class BookModel(DiaryApi diary, TimeProvider clock) : StaffPageModel
{
    private static readonly Dictionary<string, string> Fields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["patient.name"] = nameof(PatientName), ["patient.email"] = nameof(PatientEmail), ["patient.phone"] = nameof(PatientPhone),
        ["notes"] = nameof(Notes), ["start"] = nameof(Slot), ["practitionerId"] = nameof(Slot), ["appointmentTypeId"] = nameof(Type),
    };

    [BindProperty(SupportsGet = true)]
    public Guid? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Practitioner { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Date { get; set; }

    /// <summary>"practitionerId|start" of the chosen free time.</summary>
    [BindProperty]
    [Required(ErrorMessage = "Choose a time.")]
    public string? Slot { get; set; }

    [BindProperty, Required(ErrorMessage = "Enter the patient's name."), StringLength(120)]
    [Display(Name = "Patient's full name")]
    public string? PatientName { get; set; }

    [BindProperty, Required(ErrorMessage = "Enter the patient's email address: the confirmation goes there."),
     EmailAddress(ErrorMessage = "Enter an email address like name@example.com."), StringLength(254)]
    [Display(Name = "Email address")]
    public string? PatientEmail { get; set; }

    [BindProperty, StringLength(40), Phone(ErrorMessage = "Enter a phone number like 07700 900123.")]
    [Display(Name = "Phone number (optional)")]
    public string? PatientPhone { get; set; }

    [BindProperty, StringLength(2000)]
    [Display(Name = "Notes for the practitioner (optional)")]
    public string? Notes { get; set; }

    [BindProperty]
    public string IdempotencyKey { get; set; } = "";

    public LocalDate Day { get; private set; }

    public LocalDate Today { get; private set; }

    public IReadOnlyList<AppointmentType> Types { get; private set; } = [];

    public IReadOnlyList<Practitioner> Practitioners { get; private set; } = [];

    public Availability? Free { get; private set; }

    public AppointmentType? ChosenType => Types.FirstOrDefault(t => t.Id == Type);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        IdempotencyKey = Guid.NewGuid().ToString();
        return await LoadAsync(ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid || !TryParseSlot(Slot, out var practitionerId, out var start))
        {
            if (ModelState.IsValid)
            {
                ModelState.AddModelError(nameof(Slot), "Choose a time.");
            }
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await LoadAsync(ct) ?? Page();
        }
        if (!DiaryAccess.MayOpen(User, practitionerId))
        {
            return Forbid();
        }
        var result = await diary.BookAsync(new
        {
            appointmentTypeId = Type,
            practitionerId,
            start = start.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            patient = new { name = PatientName!.Trim(), email = PatientEmail!.Trim(), phone = string.IsNullOrWhiteSpace(PatientPhone) ? null : PatientPhone.Trim() },
            notes = string.IsNullOrWhiteSpace(Notes) ? null : Notes.Trim(),
        }, IdempotencyKey, ct);
        if (result.Value is { } created)
        {
            return Done("booked", "/Diary/Booking", new { id = created.Booking.Id });
        }
        var problem = result.Problem!;
        if (problem.Status == StatusCodes.Status403Forbidden)
        {
            return Forbid();
        }
        // Refused for sure: a new attempt is a new request. Unanswered: keep the key, so trying again cannot book twice.
        if (!problem.IsUnavailable)
        {
            IdempotencyKey = Guid.NewGuid().ToString();
            ModelState.Remove(nameof(IdempotencyKey));
        }
        if (problem.Status == StatusCodes.Status409Conflict)
        {
            Slot = null;
            ModelState.Remove(nameof(Slot));
        }
        return await RefusedAndReloadedAsync(problem, Fields, () => LoadAsync(ct));
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        Today = ClinicTimeZone.Today(clock);
        Day = Wording.TryParseIso(Date, out var day) && day >= Today ? day : Today;
        var own = DiaryAccess.OwnOnly(User);
        if (own is { } mine)
        {
            if (mine == Guid.Empty || (Practitioner is { } asked && asked != mine))
            {
                return Forbid();
            }
            Practitioner = mine;
        }

        var types = diary.AppointmentTypesAsync(ct);
        var practitioners = diary.PractitionersAsync(ct);
        if ((await types).Value is not { } allTypes || (await practitioners).Value is not { } everyone)
        {
            return Refused((await types).Problem ?? (await practitioners).Problem!);
        }
        Types = [.. allTypes.Where(t => t.Active && (own is not { } p || t.PractitionerIds.Contains(p)))];
        Practitioners = [.. everyone.Where(p => p.Active && (own is null || p.Id == own))];
        if (Type is { } typeId && Types.Any(t => t.Id == typeId))
        {
            var free = await diary.AvailabilityAsync(typeId, Practitioner, Day, Day, ct);
            if (free.Value is { } availability)
            {
                Free = availability;
            }
            else if (Problem is null)
            {
                Refused(free.Problem!);
            }
        }
        return null;
    }

    public static string SlotValue(Guid practitionerId, DateTimeOffset start) => $"{practitionerId}|{start.ToString("O", System.Globalization.CultureInfo.InvariantCulture)}";

    private static bool TryParseSlot(string? value, out Guid practitionerId, out DateTimeOffset start)
    {
        start = default;
        practitionerId = default;
        var parts = value?.Split('|') ?? [];
        return parts.Length == 2 && Guid.TryParse(parts[0], out practitionerId)
            && DateTimeOffset.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out start);
    }
}
