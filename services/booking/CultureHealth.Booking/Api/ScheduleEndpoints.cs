using System.Security.Claims;
using CultureHealth.Booking.Application;
using CultureHealth.Booking.Data;
using CultureHealth.Booking.Domain;
using CultureHealth.ServiceDefaults.Auth;
using CultureHealth.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CultureHealth.Booking.Api;

/// <summary>Staff edit practitioners' hours; changes apply to availability at once (nothing is cached).</summary>
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

    private static async Task<Ok<WeeklyScheduleDto>> GetWeekly(Guid practitionerId, ClaimsPrincipal user, BookingDbContext db, CancellationToken ct)
    {
        await RequirePractitionerAsync(db, user, practitionerId, ct);
        var rows = await db.WeeklySchedule.AsNoTracking().Where(i => i.PractitionerId == practitionerId)
            .OrderBy(i => i.Day).ThenBy(i => i.Start).ToListAsync(ct);
        return TypedResults.Ok(new WeeklyScheduleDto([.. rows.Select(r =>
            new IntervalDto(r.Day.ToString().ToLowerInvariant(), ClinicTimeText.Format(r.Start), ClinicTimeText.Format(r.End)))]));
    }

    private static async Task<Results<Ok<WeeklyScheduleDto>, ValidationProblem>> ReplaceWeekly(
        Guid practitionerId, WeeklyScheduleDto body, ClaimsPrincipal user, BookingDbContext db, CancellationToken ct)
    {
        await RequirePractitionerAsync(db, user, practitionerId, ct);
        var v = new RequestValidator();
        var parsed = new List<(IsoDayOfWeek Day, WorkingInterval Interval)>();
        for (var i = 0; i < (body.Intervals?.Count ?? 0); i++)
        {
            var item = body.Intervals![i];
            if (item is null)
            {
                v.Add($"intervals[{i}]", NullInterval);
                continue;
            }

            var day = ParseDay(item.Day);
            if (day is null)
            {
                v.Add($"intervals[{i}].day", "Must be a day name (monday) or ISO number (1-7).");
            }

            if (ParseInterval(item, $"intervals[{i}]", v) is { } interval && day is not null)
            {
                parsed.Add((day.Value, interval));
            }
        }

        // The domain model refuses overlapping blocks; building it here reports that before anything is stored.
        foreach (var day in parsed.GroupBy(p => p.Day))
        {
            try
            {
                WeeklySchedule.Empty.With(day.Key, day.Select(p => p.Interval));
            }
            catch (ArgumentException e)
            {
                v.Add("intervals", $"{day.Key}: {e.Message}");
            }
        }

        if (v.Failed)
        {
            return v.Problem();
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.WeeklySchedule.Where(i => i.PractitionerId == practitionerId).ExecuteDeleteAsync(ct);
        db.WeeklySchedule.AddRange(parsed.Select(p => new WeeklyScheduleInterval
        {
            Id = Guid.CreateVersion7(), PractitionerId = practitionerId, Day = p.Day, Start = p.Interval.Start, End = p.Interval.End,
        }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return await GetWeekly(practitionerId, user, db, ct);
    }

    private static async Task<Results<Ok<DateOverrideDto>, ValidationProblem>> PutOverride(
        Guid practitionerId, string date, WeeklyScheduleDto body, ClaimsPrincipal user, BookingDbContext db, CancellationToken ct)
    {
        await RequirePractitionerAsync(db, user, practitionerId, ct);
        var v = new RequestValidator();
        if (!ClinicTimeText.TryParseDate(date, out var localDate))
        {
            v.Add("date", "Must be a date like 2026-12-24.");
        }

        var intervals = new List<WorkingInterval>();
        for (var i = 0; i < (body.Intervals?.Count ?? 0); i++)
        {
            if (body.Intervals![i] is null)
            {
                v.Add($"intervals[{i}]", NullInterval);
            }
            else if (ParseInterval(body.Intervals[i], $"intervals[{i}]", v) is { } interval)
            {
                intervals.Add(interval);
            }
        }

        try
        {
            _ = new DateOverride(localDate, intervals);
        }
        catch (ArgumentException e)
        {
            v.Add("intervals", e.Message);
        }

        if (v.Failed)
        {
            return v.Problem();
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.DateOverrides.Where(o => o.PractitionerId == practitionerId && o.Date == localDate).ExecuteDeleteAsync(ct);
        // No intervals: one row without times marks the day off.
        db.DateOverrides.AddRange(intervals.Count == 0
            ? [new DateOverrideInterval { Id = Guid.CreateVersion7(), PractitionerId = practitionerId, Date = localDate }]
            : intervals.Select(iv => new DateOverrideInterval
            {
                Id = Guid.CreateVersion7(), PractitionerId = practitionerId, Date = localDate, Start = iv.Start, End = iv.End,
            }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(new DateOverrideDto(ClinicTimeText.Format(localDate),
            [.. intervals.Select(iv => new IntervalDto(null, ClinicTimeText.Format(iv.Start), ClinicTimeText.Format(iv.End)))]));
    }

    /// <summary>The days whose hours differ from the weekly schedule, from <c>from</c> (default today) for <c>days</c> days (default 90).</summary>
    private static async Task<Results<Ok<List<DateOverrideDto>>, ValidationProblem>> ListOverrides(
        Guid practitionerId, string? from, int? days, ClaimsPrincipal user, [AsParameters] DiaryServices services, CancellationToken ct)
    {
        var (db, clock) = (services.Db, services.Clock);
        await RequirePractitionerAsync(db, user, practitionerId, ct);
        var start = ClinicCalendar.Today(Instant.FromDateTimeOffset(clock.GetUtcNow()));
        if (from is not null && !ClinicTimeText.TryParseDate(from, out start))
        {
            return new RequestValidator().Add("from", "Must be a date like 2026-12-24.").Problem();
        }
        var end = start.PlusDays(Math.Clamp(days ?? 90, 1, 366));
        var rows = await db.DateOverrides.AsNoTracking()
            .Where(o => o.PractitionerId == practitionerId && o.Date >= start && o.Date < end).OrderBy(o => o.Date).ThenBy(o => o.Start).ToListAsync(ct);
        return TypedResults.Ok(rows.GroupBy(r => r.Date).Select(g => new DateOverrideDto(ClinicTimeText.Format(g.Key),
            [.. g.Where(r => r.Start is not null && r.End is not null)
                .Select(r => new IntervalDto(null, ClinicTimeText.Format(r.Start!.Value), ClinicTimeText.Format(r.End!.Value)))])).ToList());
    }

    private static async Task<Results<NoContent, ValidationProblem>> DeleteOverride(
        Guid practitionerId, string date, ClaimsPrincipal user, BookingDbContext db, CancellationToken ct)
    {
        await RequirePractitionerAsync(db, user, practitionerId, ct);
        if (!ClinicTimeText.TryParseDate(date, out var localDate))
        {
            return new RequestValidator().Add("date", "Must be a date like 2026-12-24.").Problem();
        }

        await db.DateOverrides.Where(o => o.PractitionerId == practitionerId && o.Date == localDate).ExecuteDeleteAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<List<TimeOffDto>>> ListTimeOff(Guid practitionerId, ClaimsPrincipal user, BookingDbContext db, CancellationToken ct)
    {
        await RequirePractitionerAsync(db, user, practitionerId, ct);
        var rows = await db.TimeOff.AsNoTracking().Where(t => t.PractitionerId == practitionerId).OrderBy(t => t.Start).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(ToDto).ToList());
    }

    private static async Task<Results<Created<TimeOffDto>, ValidationProblem>> AddTimeOff(
        Guid practitionerId, TimeOffRequest body, ClaimsPrincipal user, BookingDbContext db, CancellationToken ct)
    {
        await RequirePractitionerAsync(db, user, practitionerId, ct);
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

        // Existing bookings in the period stay: reception moves or cancels them with the patient.
        var row = new TimeOffPeriod { Id = Guid.CreateVersion7(), PractitionerId = practitionerId, Start = start, End = end, Reason = body.Reason };
        db.TimeOff.Add(row);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/manage/booking/practitioners/{practitionerId}/time-off/{row.Id}", ToDto(row));
    }

    private static async Task<Results<NoContent, NotFound>> DeleteTimeOff(
        Guid practitionerId, Guid timeOffId, ClaimsPrincipal user, BookingDbContext db, TimeProvider clock, CancellationToken ct)
    {
        await RequirePractitionerAsync(db, user, practitionerId, ct);
        var row = await db.TimeOff.FirstOrDefaultAsync(t => t.Id == timeOffId && t.PractitionerId == practitionerId, ct);
        if (row is null)
        {
            return TypedResults.NotFound();
        }

        db.TimeOff.Remove(row);
        // The time is workable again: waiting patients may be offered it.
        WaitlistHolds.RecordOpening(db, practitionerId, new Interval(row.Start, row.End), Instant.FromDateTimeOffset(clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task RequirePractitionerAsync(BookingDbContext db, ClaimsPrincipal user, Guid practitionerId, CancellationToken ct)
    {
        DiaryAccess.Require(user, practitionerId);
        if (!await db.Practitioners.AnyAsync(p => p.Id == practitionerId, ct))
        {
            throw ProblemException.NotFound("The practitioner");
        }
    }

    private static IsoDayOfWeek? ParseDay(string? text) =>
        int.TryParse(text, out var n) && n is >= 1 and <= 7 ? (IsoDayOfWeek)n
        : Enum.TryParse<IsoDayOfWeek>(text, ignoreCase: true, out var day) && day != IsoDayOfWeek.None && !int.TryParse(text, out _) ? day
        : null;

    // JSON lets a list hold null where an interval should be; the record's non-null type does not stop it.
    private const string NullInterval = "An interval with start and end, not null.";

    private static WorkingInterval? ParseInterval(IntervalDto item, string field, RequestValidator v)
    {
        var okStart = ClinicTimeText.TryParseTime(item.Start, out var start);
        var okEnd = ClinicTimeText.TryParseTime(item.End, out var end);
        if (!okStart)
        {
            v.Add(field + ".start", "Must be a time like 09:00.");
        }

        if (!okEnd)
        {
            v.Add(field + ".end", "Must be a time like 17:30.");
        }

        if (okStart && okEnd && end <= start)
        {
            v.Add(field + ".end", "Must be after start (blocks cannot cross midnight).");
            return null;
        }

        return okStart && okEnd ? new WorkingInterval(start, end) : null;
    }

    private static TimeOffDto ToDto(TimeOffPeriod t) => new(t.Id, t.Start.ToClinicTime(), t.End.ToClinicTime(), t.Reason);
}
