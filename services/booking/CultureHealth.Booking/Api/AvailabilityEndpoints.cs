using CultureHealth.Booking.Application;
using CultureHealth.Calendar;
using CultureHealth.ServiceDefaults.Auth;
using CultureHealth.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CultureHealth.Booking.Api;

public static class AvailabilityEndpoints
{
    public static IEndpointRouteBuilder MapAvailabilityEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/booking/availability", List).WithTags("Availability");
        // Reception books a patient who phones by exactly the website's rule: the same handler, behind staff roles.
        app.MapGet("/manage/booking/availability", List).WithTags("Availability").RequireAuthorization(StaffPolicies.Diary);
        return app;
    }

    /// <summary>Free slots per practitioner (<see cref="AvailabilitySearch"/>); <c>from</c>/<c>to</c> are clinic dates (inclusive).</summary>
    private static async Task<Results<Ok<AvailabilityDto>, ValidationProblem>> List(
        Guid? appointmentTypeId, Guid? practitionerId, string? from, string? to, [AsParameters] AvailabilityServices services, CancellationToken ct)
    {
        var (search, options, clock) = services;
        var maxDays = options.Value.MaxAvailabilityRangeDays;
        var v = new RequestValidator().Require(appointmentTypeId is not null, "appointmentTypeId", "Required.");
        var today = ClinicTimeZone.Today(clock);
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

        return TypedResults.Ok(await search.ListAsync(appointmentTypeId!.Value, practitionerId, fromDate, toDate, ct));
    }
}
