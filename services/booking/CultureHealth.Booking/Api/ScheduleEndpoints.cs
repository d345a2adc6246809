using System.Security.Claims;
using CultureHealth.Booking.Application;
using CultureHealth.ServiceDefaults.Auth;
using CultureHealth.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace CultureHealth.Booking.Api;

/// <summary>
/// Staff edit practitioners' hours (<see cref="StaffSchedules"/>). Access to the diary is checked before the body,
/// so someone who may not run it learns nothing from the field errors.
/// </summary>
public static class ScheduleEndpoints
{
    public static IEndpointRouteBuilder MapScheduleEndpoints(this IEndpointRouteBuilder app)
    {
        var diary = app.MapGroup("/manage/booking/practitioners/{practitionerId:guid}").WithTags("Schedules (staff)")
            .RequireAuthorization(StaffPolicies.Diary);
        diary.MapGet("/schedule", GetWeekly);
        diary.MapPut("/schedule", ReplaceWeekly);
        diary.MapGet("/overrides", ListOverrides);
        diary.MapPut("/overrides/{date}", PutOverride);
        diary.MapDelete("/overrides/{date}", DeleteOverride);
        diary.MapGet("/time-off", ListTimeOff);
        diary.MapPost("/time-off", AddTimeOff);
        diary.MapDelete("/time-off/{timeOffId:guid}", DeleteTimeOff);
        return app;
    }

    private static async Task<Ok<WeeklyScheduleDto>> GetWeekly(Guid practitionerId, ClaimsPrincipal user, StaffSchedules schedules, CancellationToken ct)
    {
        await schedules.RequirePractitionerAsync(practitionerId, user, ct);
        return TypedResults.Ok(await schedules.WeeklyAsync(practitionerId, ct));
    }

    private static async Task<Results<Ok<WeeklyScheduleDto>, ValidationProblem>> ReplaceWeekly(
        Guid practitionerId, WeeklyScheduleDto body, ClaimsPrincipal user, StaffSchedules schedules, CancellationToken ct)
    {
        await schedules.RequirePractitionerAsync(practitionerId, user, ct);
        if (ScheduleRequestParsing.TryParseWeek(body, out var parsed) is { } invalid)
        {
            return invalid;
        }

        return TypedResults.Ok(await schedules.ReplaceWeeklyAsync(practitionerId, parsed, ct));
    }

    private static async Task<Results<Ok<DateOverrideDto>, ValidationProblem>> PutOverride(
        Guid practitionerId, string date, WeeklyScheduleDto body, ClaimsPrincipal user, StaffSchedules schedules, CancellationToken ct)
    {
        await schedules.RequirePractitionerAsync(practitionerId, user, ct);
        if (ScheduleRequestParsing.TryParseDay(date, body, out var localDate, out var intervals) is { } invalid)
        {
            return invalid;
        }

        return TypedResults.Ok(await schedules.ReplaceOverrideAsync(practitionerId, localDate, intervals, ct));
    }

    /// <summary>The days whose hours differ from the weekly schedule, from <c>from</c> (default today) for <c>days</c> days (default 90).</summary>
    private static async Task<Results<Ok<List<DateOverrideDto>>, ValidationProblem>> ListOverrides(
        Guid practitionerId, string? from, int? days, ClaimsPrincipal user, StaffSchedules schedules, CancellationToken ct)
    {
        await schedules.RequirePractitionerAsync(practitionerId, user, ct);
        LocalDate? start = null;
        if (from is not null)
        {
            if (!ClinicTimeText.TryParseDate(from, out var parsed))
            {
                return new RequestValidator().Add("from", "Must be a date like 2026-12-24.").Problem();
            }

            start = parsed;
        }

        return TypedResults.Ok(await schedules.OverridesAsync(practitionerId, start, days, ct));
    }

    private static async Task<Results<NoContent, ValidationProblem>> DeleteOverride(
        Guid practitionerId, string date, ClaimsPrincipal user, StaffSchedules schedules, CancellationToken ct)
    {
        await schedules.RequirePractitionerAsync(practitionerId, user, ct);
        if (!ClinicTimeText.TryParseDate(date, out var localDate))
        {
            return new RequestValidator().Add("date", "Must be a date like 2026-12-24.").Problem();
        }

        await schedules.DeleteOverrideAsync(practitionerId, localDate, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<List<TimeOffDto>>> ListTimeOff(Guid practitionerId, ClaimsPrincipal user, StaffSchedules schedules, CancellationToken ct)
    {
        await schedules.RequirePractitionerAsync(practitionerId, user, ct);
        return TypedResults.Ok(await schedules.TimeOffAsync(practitionerId, ct));
    }

    private static async Task<Results<Created<TimeOffDto>, ValidationProblem>> AddTimeOff(
        Guid practitionerId, TimeOffRequest body, ClaimsPrincipal user, StaffSchedules schedules, CancellationToken ct)
    {
        await schedules.RequirePractitionerAsync(practitionerId, user, ct);
        var v = new RequestValidator().Optional("reason", body.Reason, 200);
        if (!ClinicTimeText.TryParseInstant(body.Start, out var start))
        {
            v.Add("start", "Required: an ISO 8601 date and time with an offset.");
        }

        if (!ClinicTimeText.TryParseInstant(body.End, out var end))
        {
            v.Add("end", "Required: an ISO 8601 date and time with an offset.");
        }
        else if (end <= start)
        {
            v.Add("end", "Must be after start.");
        }

        if (v.Failed)
        {
            return v.Problem();
        }

        var timeOff = await schedules.AddTimeOffAsync(practitionerId, start, end, body.Reason, ct);
        return TypedResults.Created($"/manage/booking/practitioners/{practitionerId}/time-off/{timeOff.Id}", timeOff);
    }

    private static async Task<Results<NoContent, NotFound>> DeleteTimeOff(
        Guid practitionerId, Guid timeOffId, ClaimsPrincipal user, StaffSchedules schedules, CancellationToken ct)
    {
        await schedules.RequirePractitionerAsync(practitionerId, user, ct);
        return await schedules.DeleteTimeOffAsync(practitionerId, timeOffId, ct) ? TypedResults.NoContent() : TypedResults.NotFound();
    }
}
