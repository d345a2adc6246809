using CultureHealth.Booking.Application;
using CultureHealth.Booking.Data;
using CultureHealth.Booking.Domain;
using CultureHealth.Booking.Telemetry;
using CultureHealth.ServiceDefaults.Auth;
using CultureHealth.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CultureHealth.Booking.Api;

public sealed record SlotDto(DateTimeOffset Start, DateTimeOffset End);

public sealed record PractitionerSlots(Guid PractitionerId, string PractitionerName, IReadOnlyList<SlotDto> Slots);

public sealed record AvailabilityDto(Guid AppointmentTypeId, int DurationMinutes, string From, string To, IReadOnlyList<PractitionerSlots> Practitioners);

public static class AvailabilityEndpoints
{
    public static IEndpointRouteBuilder MapAvailabilityEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/booking/availability", List).WithTags("Availability");
        // Reception books a patient who phones by exactly the website's rule: the same handler, behind staff roles.
        app.MapGet("/manage/booking/availability", List).WithTags("Availability").RequireAuthorization(StaffPolicies.Diary);
        return app;
    }

    /// <summary>
    /// Free slots per practitioner; <c>from</c>/<c>to</c> are clinic dates (inclusive). These come from the same
    /// <see cref="AvailabilityCalculator"/> that validates a booking, so a listed slot is bookable until someone takes it.
    /// </summary>
    private static async Task<Results<Ok<AvailabilityDto>, ValidationProblem>> List(
        Guid? appointmentTypeId, Guid? practitionerId, string? from, string? to, [AsParameters] DiaryServices services, CancellationToken ct)
    {
        var (db, diary, options, clock, metrics) = services;
        var maxDays = options.Value.MaxAvailabilityRangeDays;
        var v = new RequestValidator().Require(appointmentTypeId is not null, "appointmentTypeId", "Required.");
        var today = ClinicCalendar.Today(Instant.FromDateTimeOffset(clock.GetUtcNow()));
        var fromDate = today;
        if (from is not null && !ClinicTimeText.TryParseDate(from, out fromDate))
        {
            v.Add("from", "Must be a date like 2026-12-01.");
        }

        var toDate = fromDate.PlusDays(6);
        if (to is not null && !ClinicTimeText.TryParseDate(to, out toDate))
        {
            v.Add("to", "Must be a date like 2026-12-07.");
        }

        if (!v.Failed && toDate < fromDate)
        {
            v.Add("to", "Must not be before 'from'.");
        }
        else if (!v.Failed && Period.Between(fromDate, toDate, PeriodUnits.Days).Days >= maxDays)
        {
            v.Add("to", $"At most {maxDays} days can be listed at once.");
        }

        if (v.Failed)
        {
            return v.Problem();
        }

        var type = await db.AppointmentTypes.AsNoTracking().FirstOrDefaultAsync(t => t.Id == appointmentTypeId && t.Active, ct)
            ?? throw ProblemException.Unprocessable("appointmentTypeId", "No bookable appointment type has this id.");
        var practitioners = await db.Practitioners.AsNoTracking()
            .Where(p => p.Active && (practitionerId == null || p.Id == practitionerId)
                && db.Offerings.Any(o => o.PractitionerId == p.Id && o.AppointmentTypeId == type.Id))
            .OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        if (practitionerId is not null && practitioners.Count == 0)
        {
            throw ProblemException.Unprocessable("practitionerId", "No active practitioner with this id offers this appointment type.");
        }

        var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        var contexts = await diary.ContextsAsync([.. practitioners.Select(p => p.Id)], type.ToRule(), fromDate, toDate, null, ct);
        var result = practitioners.Select(p => new PractitionerSlots(p.Id, p.Name,
            [.. AvailabilityCalculator.FreeSlots(contexts[p.Id], now, fromDate, toDate)
                .Select(s => new SlotDto(s.Start.ToDateTimeOffset(), s.End.ToDateTimeOffset()))])).ToList();
        metrics.AvailabilitySearched(result.Any(p => p.Slots.Count > 0));
        return TypedResults.Ok(new AvailabilityDto(type.Id, type.DurationMinutes, ClinicTimeText.Format(fromDate), ClinicTimeText.Format(toDate), result));
    }
}
