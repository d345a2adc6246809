using System.Security.Claims;
using CultureHealth.Booking.Application;
using CultureHealth.Booking.Domain;
using CultureHealth.Calendar;
using CultureHealth.ServiceDefaults.Http;
using CultureHealth.ServiceDefaults.Patients;
using CultureHealth.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CultureHealth.Booking.Api;

/// <summary>
/// <c>days</c>: weekday names (monday..sunday), all when omitted; <c>fromDate</c>/<c>toDate</c> clinic dates (yyyy-MM-dd);
/// <c>earliestStart</c>/<c>latestStart</c> clinic times (HH:mm), the whole day when omitted. <c>practitionerId</c> null: any.
/// </summary>
public sealed record WaitlistRequest(
    Guid? AppointmentTypeId, Guid? PractitionerId, string? FromDate, string? ToDate, IReadOnlyList<string>? Days,
    string? EarliestStart, string? LatestStart, string? Name, string? Phone);

/// <summary>The waitlist: a signed-in patient's entries (patient token), and offers opened by their emailed token.</summary>
public static class WaitlistEndpoints
{
    public static IEndpointRouteBuilder MapWaitlistEndpoints(this IEndpointRouteBuilder app)
    {
        var mine = app.MapGroup("/api/booking").WithTags("Waitlist").WithNoStore().RequireAuthorization(PatientPolicies.Patient);
        mine.MapPost("/waitlist", Join);
        mine.MapGet("/me/waitlist", Mine);
        mine.MapDelete("/waitlist/{id:guid}", Leave);

        var offers = app.MapGroup("/api/booking/waitlist/offers").WithTags("Waitlist").WithNoStore(); // answers carry a manage token
        offers.MapGet("/{id:guid}", ViewOffer);
        offers.MapPost("/{id:guid}/take", TakeOffer);
        return app;
    }

    private static async Task<Results<Created<WaitlistEntryDto>, ValidationProblem>> Join(
        WaitlistRequest? body, ClaimsPrincipal user, Waitlist waitlist, IOptions<BookingOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var today = ClinicTimeZone.Today(clock);
        if (WaitlistRequestParsing.TryParse(body, today, options.Value.HorizonDays, out var request) is { } invalid)
        {
            return invalid;
        }

        var entry = await waitlist.JoinAsync(user.VerifiedEmail()!, request!, ct);
        return TypedResults.Created($"/api/booking/me/waitlist#{entry.Id}", entry);
    }

    private static async Task<Ok<IReadOnlyList<WaitlistEntryDto>>> Mine(ClaimsPrincipal user, Waitlist waitlist, CancellationToken ct) =>
        TypedResults.Ok(await waitlist.MineAsync(user.VerifiedEmail()!, ct));

    private static async Task<NoContent> Leave(Guid id, ClaimsPrincipal user, Waitlist waitlist, CancellationToken ct)
    {
        await waitlist.LeaveAsync(user.VerifiedEmail()!, id, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<WaitlistOfferDto>> ViewOffer(Guid id, string? token, WaitlistOffers offers, CancellationToken ct) =>
        TypedResults.Ok(await offers.ViewAsync(id, token, ct));

    private static async Task<Created<BookingCreated>> TakeOffer(Guid id, string? token, WaitlistOffers offers, CancellationToken ct)
    {
        var created = await offers.TakeAsync(id, token, ct);
        return TypedResults.Created($"/api/booking/bookings/{created.Booking.Id}", created);
    }
}

/// <summary>Reads a join request: every field error at once, or the request.</summary>
internal static class WaitlistRequestParsing
{
    public static ValidationProblem? TryParse(WaitlistRequest? body, LocalDate today, int horizonDays, out NewWaitlistEntry? request)
    {
        request = null;
        var v = new RequestValidator();
        if (body is null)
        {
            return v.Add("body", "A JSON body is required.").Problem();
        }

        v.Require(body.AppointmentTypeId is not null, "appointmentTypeId", "Required.");
        var lastDate = today.PlusDays(horizonDays);
        if (!ClinicTimeText.TryParseDate(body.FromDate, out var from))
        {
            v.Add("fromDate", "Required: a date, yyyy-MM-dd.");
        }
        else if (from < today || from > lastDate)
        {
            v.Add("fromDate", $"Must be between today and {ClinicTimeText.Format(lastDate)} (bookings open {horizonDays} days ahead).");
        }

        if (!ClinicTimeText.TryParseDate(body.ToDate, out var to))
        {
            v.Add("toDate", "Required: a date, yyyy-MM-dd.");
        }
        else if (to > lastDate || (ClinicTimeText.TryParseDate(body.FromDate, out _) && to < from))
        {
            v.Add("toDate", $"Must be on or after fromDate and no later than {ClinicTimeText.Format(lastDate)}.");
        }

        var weekdays = WaitlistWish.EveryDay;
        if (body.Days is { Count: > 0 } days)
        {
            var parsed = new List<IsoDayOfWeek>();
            foreach (var text in days)
            {
                if (WaitlistText.TryParseDay(text, out var day))
                {
                    parsed.Add(day);
                }
                else
                {
                    v.Add("days", "Each day must be one of monday, tuesday, wednesday, thursday, friday, saturday, sunday.");
                    break;
                }
            }

            weekdays = WaitlistWish.WeekdaysOf(parsed);
        }

        var earliest = LocalTime.Midnight;
        var latest = new LocalTime(23, 59);
        if (body.EarliestStart is not null && !ClinicTimeText.TryParseTime(body.EarliestStart, out earliest))
        {
            v.Add("earliestStart", "A time of day, HH:mm.");
        }

        if (body.LatestStart is not null && !ClinicTimeText.TryParseTime(body.LatestStart, out latest))
        {
            v.Add("latestStart", "A time of day, HH:mm.");
        }
        else if (latest < earliest)
        {
            v.Add("latestStart", "Must not be before earliestStart.");
        }

        v.Required("name", body.Name, 120).Optional("phone", body.Phone, 40);
        if (v.Failed)
        {
            return v.Problem();
        }

        request = new NewWaitlistEntry(
            body.AppointmentTypeId!.Value, body.PractitionerId, new WaitlistWish(from, to, weekdays, earliest, latest), body.Name!.Trim(),
            string.IsNullOrWhiteSpace(body.Phone) ? null : body.Phone.Trim());
        return null;
    }
}
