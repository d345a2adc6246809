using CultureHealth.Calendar;
using CultureHealth.Storefront.Api;
using CultureHealth.Storefront.Appointments;
using CultureHealth.Storefront.Web;
using Microsoft.AspNetCore.Mvc;

namespace CultureHealth.Storefront.Pages.Booking;

/// <summary>
/// Step 4: the patient's details and consent, then the booking. A guest's booking is held (pending) until they
/// follow the emailed link; a patient who proved their address (the ch-patient cookie) is booked at once, and may
/// pay with a session credit. One Idempotency-Key per form, kept in a hidden field: a double submit is one booking.
/// A signed-in patient's form starts with their saved details (from the patients service), which they may change.
/// </summary>
public sealed class DetailsModel(BookingApi booking, PatientsApi patients) : BookingPage
{
    public AppointmentType Type { get; private set; } = null!;
    public SlotChoice Slot { get; private set; } = null!;
    /// <summary>Where "change time" goes back to ("any" or the practitioner's id).</summary>
    public string From { get; private set; } = BookingRoutes.AnyPractitioner;

    /// <summary>The address the patient proved, when they have (booking confirmed at once).</summary>
    public string? ProvenEmail { get; private set; }
    /// <summary>Unused session credits for this appointment type (with a proven address).</summary>
    public int CreditsForType { get; private set; }
    public bool SignInExpired { get; private set; }
    public bool CreditsUnknown { get; private set; }

    /// <summary>The slot went while the patient looked (or the link was old).</summary>
    public bool SlotGone { get; private set; }

    [BindProperty]
    public DetailsForm Form { get; set; } = new();

    public string? Outcome { get; private set; }
    public Dictionary<string, string> FieldErrors { get; } = new(StringComparer.Ordinal);

    public string AppointmentPrice => Web.Prices.Format(Type.Price.Amount);
    public string ThisPage => Request.Path + Request.QueryString;
    public bool OfferCredit => Type.CreditsCanPay;

    public async Task<IActionResult> OnGetAsync(string type, Guid practitioner, string? start, string? from, CancellationToken ct)
    {
        if (await LoadAsync(type, practitioner, start, from, checkFree: true, ct) is { } early)
        {
            return early;
        }
        Form.IdempotencyKey = Guid.NewGuid().ToString("D");
        await StartWithSavedDetailsAsync(ct);
        Form.PayWith = CreditsForType > 0 ? DetailsForm.PayByCredit : DetailsForm.PayAtClinic;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string type, Guid practitioner, string? start, string? from, CancellationToken ct)
    {
        if (await LoadAsync(type, practitioner, start, from, checkFree: false, ct) is { } early)
        {
            return early;
        }
        if (string.IsNullOrWhiteSpace(Form.IdempotencyKey) || Form.IdempotencyKey.Length is < 16 or > 200)
        {
            Form.IdempotencyKey = Guid.NewGuid().ToString("D");
        }
        // The site's own rule: nothing is sent to the clinic without the patient's agreement. Name and email are
        // checked here too, so that one look at the form shows every missing answer at once.
        if (!Form.Consent)
        {
            FieldErrors[nameof(DetailsForm.Consent)] = "Please tick the box to agree, so that we can book your appointment.";
        }
        if (string.IsNullOrWhiteSpace(Form.Name))
        {
            FieldErrors[nameof(DetailsForm.Name)] = "Please enter your name.";
        }
        if (string.IsNullOrWhiteSpace(Form.Email))
        {
            FieldErrors[nameof(DetailsForm.Email)] = "Please enter your email address: we send the confirmation there.";
        }
        if (FieldErrors.Count > 0)
        {
            Outcome = "Please check the highlighted answers.";
            return Page();
        }

        var token = ProvenEmail is null ? null : PatientSession.Token(Request);
        var useCredit = token is not null && OfferCredit && Form.PayWith == DetailsForm.PayByCredit;
        var reply = await booking.BookAsync(new BookingRequest(
            Type.Id, Slot.PractitionerId, Slot.Start,
            new PatientDetails(Form.Name?.Trim(), (ProvenEmail ?? Form.Email)?.Trim(), Blank(Form.Phone)), Blank(Form.Notes), useCredit),
            Form.IdempotencyKey, token, ct);
        switch (reply.Kind)
        {
            case ReplyKind.Done:
                var created = reply.Value!;
                if (created.ManageToken is { } manageToken && created.Booking.IsConfirmed)
                {
                    return Redirect(BookingRoutes.Confirmed(created.Booking.Id, manageToken));
                }
                BookingReceipt.From(created).Keep(HttpContext);
                return Redirect(BookingRoutes.Received);
            case ReplyKind.Invalid:
                ShowInvalid(reply.Problem);
                break;
            case ReplyKind.Conflict:
                // Someone else took the time while the patient typed (or the diary was busy at that moment).
                SlotGone = reply.Problem?.Is("slot-taken") != false;
                Outcome = reply.Problem?.Detail ?? "That time has just been taken. Please choose another.";
                break;
            case ReplyKind.Refused:
                // The credit needs a proven address, and the sign-in ran out (or was for another address).
                SignInExpired = true;
                Outcome = "To pay with a session credit, please confirm your email address again: your sign-in has ended.";
                break;
            case ReplyKind.TooMany:
                Outcome = TooManyMessage(reply);
                break;
            default:
                Outcome = "We could not reach our booking system, so we do not know yet whether your booking went through. " +
                    "Please press Book again in a minute: it will not book twice. Or call us on " + Clinic.Telephone + ".";
                break;
        }
        return Page();
    }

    private void ShowInvalid(ApiProblem? problem)
    {
        foreach (var (api, field) in FieldNames)
        {
            if (problem?.ErrorFor(api) is { } message)
            {
                FieldErrors[field] = message;
            }
        }
        if (problem?.ErrorFor("start") is { } startProblem)
        {
            SlotGone = true;
            Outcome = startProblem;
        }
        else if (problem?.ErrorFor("useCredit") is { } creditProblem)
        {
            Outcome = creditProblem;
        }
        else
        {
            Outcome = FieldErrors.Count > 0 ? "Please check the highlighted answers." : problem?.Detail ?? "Please check your details.";
        }
    }

    private string TooManyMessage(ApiReply<BookingCreated> reply)
    {
        var wait = reply.RetryAfter is { } after && after > TimeSpan.Zero
            ? $" You can book again after {Wording.Time(Clock.GetUtcNow() + after)}."
            : " Please try again in a few minutes.";
        if (reply.Problem?.Is("too-many-pending") == true)
        {
            FieldErrors.Remove(nameof(DetailsForm.Email));
            if (reply.Problem.ErrorFor("patient.email") is { } emailProblem)
            {
                FieldErrors[nameof(DetailsForm.Email)] = emailProblem;
            }
            return "There are already bookings waiting to be confirmed from the emails we sent. Please confirm them with the link in each email first." + wait;
        }
        return "We have had a lot of booking requests from your connection." + wait;
    }

    private static readonly (string Api, string Field)[] FieldNames =
    [
        ("patient.name", nameof(DetailsForm.Name)), ("patient.email", nameof(DetailsForm.Email)),
        ("patient.phone", nameof(DetailsForm.Phone)), ("notes", nameof(DetailsForm.Notes)),
    ];

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private async Task<IActionResult?> LoadAsync(string type, Guid practitioner, string? start, string? from, bool checkFree, CancellationToken ct)
    {
        Meta.Title = "Your details";
        Meta.Description = "Your name and contact details for the appointment.";
        Meta.NoIndex = true;
        var types = await booking.AppointmentTypesAsync(ct);
        if (!types.IsOk)
        {
            return BookingUnavailable();
        }
        if (Find(types.Value!, type) is not { } chosen || !Wording.TryParseInstant(start, out var startsAt)
            || !(chosen.PractitionerIds ?? []).Contains(practitioner))
        {
            return NotFound();
        }
        Type = chosen;
        From = from == BookingRoutes.AnyPractitioner || Guid.TryParse(from, out _) ? from! : BookingRoutes.Who(practitioner);

        // The details step says plainly if the time went while the patient chose it, before they type anything.
        var day = ClinicTimeZone.DateOf(startsAt).ToDateOnly();
        var practitionerName = "";
        if (checkFree)
        {
            var free = await booking.AvailabilityAsync(chosen.Id, practitioner, day, day, ct);
            if (!free.IsOk)
            {
                return BookingUnavailable();
            }
            var mine = free.Value!.Practitioners.FirstOrDefault(p => p.PractitionerId == practitioner);
            practitionerName = mine?.PractitionerName ?? "";
            SlotGone = mine?.Slots.All(s => s.Start != startsAt) != false;
        }
        if (practitionerName.Length == 0 && await booking.PractitionersAsync(ct) is { IsOk: true } team)
        {
            practitionerName = team.Value!.FirstOrDefault(p => p.Id == practitioner)?.Name ?? "";
        }
        Slot = new SlotChoice(startsAt, startsAt.AddMinutes(chosen.DurationMinutes), practitioner, practitionerName);
        if (SlotGone)
        {
            Outcome = "Sorry, this time is no longer free. Please choose another.";
        }
        await LoadPatientAsync(ct);
        Meta.Title = $"Your details: {chosen.Name} on {Wording.FullDay(day)} at {Wording.Time(startsAt)}";
        return null;
    }

    /// <summary>
    /// The form as a signed-in patient first sees it: their proven address, and the name and phone they saved. Only
    /// filled in, never saved back: what they change here is for this booking. Without saved details (a guest, an
    /// ended sign-in, the patients service away) the fields start empty and the patient types them.
    /// </summary>
    private async Task StartWithSavedDetailsAsync(CancellationToken ct)
    {
        Form.Email = ProvenEmail;
        if (SignInExpired || await patients.SavedDetailsAsync(PatientSession.Token(Request), ct) is not { } saved)
        {
            return;
        }
        (Form.Name, Form.Phone) = (saved.Name, saved.Phone);
        Form.Email ??= saved.Email;
    }

    /// <summary>A proven address (the ch-patient cookie) and its credits; an expired one is forgotten.</summary>
    private async Task LoadPatientAsync(CancellationToken ct)
    {
        if (PatientSession.Token(Request) is not { } token)
        {
            return;
        }
        // The page carries this patient's own address and saved details: no cache may keep it for anyone else.
        Response.Headers.CacheControl = "no-cache, no-store";
        var credits = await booking.CreditsAsync(token, ct);
        switch (credits.Kind)
        {
            case ReplyKind.Done:
                ProvenEmail = credits.Value!.Email;
                CreditsForType = credits.Value.RemainingFor(Type.Code);
                break;
            case ReplyKind.Refused:
                PatientSession.SignOut(HttpContext);
                SignInExpired = true;
                break;
            default:
                // Booking answered the slot check a moment ago; if credits alone fail, book as a guest would.
                CreditsUnknown = true;
                break;
        }
    }

    public string? ErrorFor(string field) => FieldErrors.GetValueOrDefault(field);

    /// <summary>The errors in the order of the form's fields, for the summary above it.</summary>
    public IEnumerable<KeyValuePair<string, string>> OrderedErrors =>
        FieldErrors.OrderBy(e => Array.IndexOf(FormOrder, e.Key));

    private static readonly string[] FormOrder =
        [nameof(DetailsForm.Name), nameof(DetailsForm.Email), nameof(DetailsForm.Phone), nameof(DetailsForm.Notes), nameof(DetailsForm.Consent)];
}
