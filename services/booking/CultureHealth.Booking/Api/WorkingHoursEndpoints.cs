using System.Security.Claims;
using CultureHealth.Booking.Application;
using CultureHealth.Booking.Data;
using CultureHealth.Booking.Domain;
using CultureHealth.ServiceDefaults.Auth;
using CultureHealth.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Booking.Api;

public sealed record WorkingHoursDto(Guid PractitionerId, string Date, bool ClinicClosed, IReadOnlyList<IntervalDto> Intervals, IReadOnlyList<TimeOffDto> TimeOff);

/// <summary>When each practitioner works on some days (for the staff diary to shade working time, time off and closures).</summary>
public static class WorkingHoursEndpoints
{
    public static IEndpointRouteBuilder MapWorkingHoursEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/manage/booking/working-hours", List).WithTags("Schedules (staff)").RequireAuthorization(StaffPolicies.Diary);
        return app;
    }

    private static async Task<Results<Ok<List<WorkingHoursDto>>, ValidationProblem>> List(
        string? date, int? days, Guid? practitionerId, ClaimsPrincipal user, [AsParameters] DiaryServices services, CancellationToken ct)
    {
        var (db, diary) = (services.Db, services.Diary);
        var v = new RequestValidator();
        if (!ClinicTimeText.TryParseDate(date, out var from))
        {
            v.Add("date", "Required: a date like 2026-12-01.");
        }
        if (days is < 1 or > 7)
        {
            v.Add("days", "From 1 to 7.");
        }
        if (v.Failed)
        {
            return v.Problem();
        }
        if (practitionerId is { } requested)
        {
            DiaryAccess.Require(user, requested);
        }
        var ids = practitionerId is { } one ? [one]
            : DiaryAccess.MayManage(user, Guid.Empty) ? await db.Practitioners.AsNoTracking().Select(p => p.Id).ToListAsync(ct)
            : DiaryAccess.OwnPractitionerId(user) is { } own ? [own] : [];
        var workingDays = await diary.WorkingDaysAsync(ids, from, from.PlusDays((days ?? 1) - 1), ct);
        return TypedResults.Ok(workingDays.Select(d => new WorkingHoursDto(
            d.PractitionerId, ClinicTimeText.Format(d.Date), d.ClinicClosed,
            [.. d.Intervals.Select(i => new IntervalDto(null, ClinicTimeText.Format(i.Start), ClinicTimeText.Format(i.End)))],
            [.. d.TimeOff.Select(t => new TimeOffDto(Guid.Empty, t.Start.ToClinicTime(), t.End.ToClinicTime(), null))])).ToList());
    }
}
