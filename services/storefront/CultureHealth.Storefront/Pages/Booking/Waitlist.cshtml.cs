using CultureHealth.Calendar;
using CultureHealth.Storefront.Api;
using CultureHealth.Storefront.Appointments;
using Microsoft.AspNetCore.Mvc;

namespace CultureHealth.Storefront.Pages.Booking;

/// <summary>
/// Joining the waitlist when no time fits: for one appointment type with one practitioner or any, a range of days and
/// times. It needs a proven email address (the offer goes there), so a visitor who is not signed in is sent to sign in
/// and brought back.
/// </summary>
public sealed class WaitlistModel(BookingApi booking) : BookingPage
{
    [BindProperty]
    public WaitlistForm Form { get; set; } = new();

    public AppointmentType Type { get; private set; } = null!;
    public Practitioner? Practitioner { get; private set; }
    public string Who { get; private set; } = BookingRoutes.AnyPractitioner;
    public ApiProblem? Problem { get; private set; }
    public string? Outcome { get; private set; }

    public string? ErrorFor(string field) => Problem?.ErrorFor(field);

    public async Task<IActionResult> OnGetAsync(string? type, string? who, CancellationToken ct)
    {
        if (Prepare() is { } signIn)
        {
            return signIn;
        }
        if (await LoadAsync(type, who, ct) is { } early)
        {
            return early;
        }
        var today = ClinicTimeZone.Today(Clock).ToDateOnly();
        Form.From = today;
        Form.To = today.AddDays(14);
        Form.Days = [.. WaitlistForm.Weekdays];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? type, string? who, CancellationToken ct)
    {
        if (Prepare() is { } signIn)
        {
            return signIn;
        }
        if (await LoadAsync(type, who, ct) is { } early)
        {
            return early;
        }
        var reply = await booking.JoinWaitlistAsync(Form.ToRequest(Type.Id, Practitioner?.Id), PatientSession.Token(Request)!, ct);
        switch (reply.Kind)
        {
            case ReplyKind.Done:
                return Redirect(BookingRoutes.MyWaitlist + "?joined=1");
            case ReplyKind.Invalid:
                Problem = reply.Problem;
                Outcome = "Please check the highlighted answers.";
                return Page();
            case ReplyKind.Refused:
                // The hour-long sign-in ran out while the form was open.
                return Redirect(BookingRoutes.SignInThenReturn(Request.Path + Request.QueryString));
            case ReplyKind.Conflict or ReplyKind.TooMany:
                Outcome = reply.Problem?.Detail ?? "You cannot join the waitlist for this right now.";
                return Page();
            default:
                return BookingUnavailable();
        }
    }

    private IActionResult? Prepare()
    {
        Meta.Title = "Join the waitlist";
        Meta.Description = "Tell us when you could come, and we will email you when a time comes free.";
        Meta.NoIndex = true;
        Response.Headers.CacheControl = "no-store";
        return PatientSession.Token(Request) is null ? Redirect(BookingRoutes.SignInThenReturn(Request.Path + Request.QueryString)) : null;
    }

    private async Task<IActionResult?> LoadAsync(string? type, string? who, CancellationToken ct)
    {
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
        if (who is not null && who != BookingRoutes.AnyPractitioner)
        {
            if (!Guid.TryParse(who, out var id) || !(chosen.PractitionerIds ?? []).Contains(id)
                || team.Value!.FirstOrDefault(p => p.Id == id) is not { } practitioner)
            {
                return NotFound();
            }
            Practitioner = practitioner;
            Who = id.ToString("D");
        }
        return null;
    }
}
