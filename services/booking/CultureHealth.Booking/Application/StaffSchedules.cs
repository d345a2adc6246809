using System.Security.Claims;
using CultureHealth.Booking.Data;
using CultureHealth.Booking.Domain;
using CultureHealth.Calendar;
using CultureHealth.ServiceDefaults.Problems;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CultureHealth.Booking.Application;

/// <summary>
/// Staff editing practitioners' hours: the weekly schedule, days that differ from it, and time off. Changes apply
/// to availability at once (nothing is cached). Callers check access first with <see cref="RequirePractitionerAsync"/>.
/// Hours a change adds are recorded for the waitlist in the change's transaction (<see cref="WorkingTimeOpenings"/>).
/// </summary>
public sealed class StaffSchedules(BookingDbContext db, WorkingTimeOpenings openings, TimeProvider clock)
{
    /// <summary>403 unless <paramref name="user"/> may run this diary, then 404 unless the practitioner exists.</summary>
    public async Task RequirePractitionerAsync(Guid practitionerId, ClaimsPrincipal user, CancellationToken ct)
    {
        DiaryAccess.Require(user, practitionerId);
        if (!await db.Practitioners.AnyAsync(p => p.Id == practitionerId, ct))
        {
            throw ProblemException.NotFound("The practitioner");
        }
    }

    public async Task<WeeklyScheduleDto> WeeklyAsync(Guid practitionerId, CancellationToken ct)
    {
        var rows = await db.WeeklySchedule.AsNoTracking().Where(i => i.PractitionerId == practitionerId)
            .OrderBy(i => i.Day).ThenBy(i => i.Start).ToListAsync(ct);
        return new WeeklyScheduleDto([.. rows.Select(r =>
            new IntervalDto(r.Day.ToString().ToLowerInvariant(), ClinicTimeText.Format(r.Start), ClinicTimeText.Format(r.End)))]);
    }

    /// <summary>Replaces the whole week with <paramref name="intervals"/>, which the domain's weekly schedule has accepted.</summary>
    public async Task<WeeklyScheduleDto> ReplaceWeeklyAsync(
        Guid practitionerId, IReadOnlyCollection<(IsoDayOfWeek Day, WorkingInterval Interval)> intervals, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var before = await openings.BeforeAsync([practitionerId], ct);
        await db.WeeklySchedule.Where(i => i.PractitionerId == practitionerId).ExecuteDeleteAsync(ct);
        db.WeeklySchedule.AddRange(intervals.Select(p => new WeeklyScheduleInterval
        {
            Id = Guid.CreateVersion7(), PractitionerId = practitionerId, Day = p.Day, Start = p.Interval.Start, End = p.Interval.End,
        }));
        await db.SaveChangesAsync(ct);
        await openings.RecordGainedSinceAsync(before, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return await WeeklyAsync(practitionerId, ct);
    }

    /// <summary>
    /// The days whose hours differ from the weekly schedule, from <paramref name="from"/> (default today) for
    /// <paramref name="days"/> days (default 90, at most 366).
    /// </summary>
    public async Task<List<DateOverrideDto>> OverridesAsync(Guid practitionerId, LocalDate? from, int? days, CancellationToken ct)
    {
        var start = from ?? ClinicTimeZone.Today(clock);
        var end = start.PlusDays(Math.Clamp(days ?? 90, 1, 366));
        var rows = await db.DateOverrides.AsNoTracking()
            .Where(o => o.PractitionerId == practitionerId && o.Date >= start && o.Date < end).OrderBy(o => o.Date).ThenBy(o => o.Start).ToListAsync(ct);
        return [.. rows.GroupBy(r => r.Date).Select(g => new DateOverrideDto(ClinicTimeText.Format(g.Key),
            [.. g.Where(r => r.Start is not null && r.End is not null)
                .Select(r => new IntervalDto(null, ClinicTimeText.Format(r.Start!.Value), ClinicTimeText.Format(r.End!.Value)))]))];
    }

    /// <summary>Sets the hours of <paramref name="date"/> (a valid <see cref="DateOverride"/>); no intervals marks the day off.</summary>
    public async Task<DateOverrideDto> ReplaceOverrideAsync(
        Guid practitionerId, LocalDate date, IReadOnlyCollection<WorkingInterval> intervals, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var before = await openings.BeforeAsync([practitionerId], date, date, ct);
        await db.DateOverrides.Where(o => o.PractitionerId == practitionerId && o.Date == date).ExecuteDeleteAsync(ct);
        // No intervals: one row without times marks the day off.
        db.DateOverrides.AddRange(intervals.Count == 0
            ? [new DateOverrideInterval { Id = Guid.CreateVersion7(), PractitionerId = practitionerId, Date = date }]
            : intervals.Select(iv => new DateOverrideInterval
            {
                Id = Guid.CreateVersion7(), PractitionerId = practitionerId, Date = date, Start = iv.Start, End = iv.End,
            }));
        await db.SaveChangesAsync(ct);
        await openings.RecordGainedSinceAsync(before, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new DateOverrideDto(ClinicTimeText.Format(date),
            [.. intervals.Select(iv => new IntervalDto(null, ClinicTimeText.Format(iv.Start), ClinicTimeText.Format(iv.End)))]);
    }

    /// <summary>The day follows the weekly schedule again (nothing to remove is fine).</summary>
    public async Task DeleteOverrideAsync(Guid practitionerId, LocalDate date, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var before = await openings.BeforeAsync([practitionerId], date, date, ct);
        await db.DateOverrides.Where(o => o.PractitionerId == practitionerId && o.Date == date).ExecuteDeleteAsync(ct);
        await openings.RecordGainedSinceAsync(before, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    public async Task<List<TimeOffDto>> TimeOffAsync(Guid practitionerId, CancellationToken ct)
    {
        var rows = await db.TimeOff.AsNoTracking().Where(t => t.PractitionerId == practitionerId).OrderBy(t => t.Start).ToListAsync(ct);
        return [.. rows.Select(ToDto)];
    }

    /// <summary>Time off from <paramref name="start"/> to <paramref name="end"/> (after it).</summary>
    public async Task<TimeOffDto> AddTimeOffAsync(Guid practitionerId, Instant start, Instant end, string? reason, CancellationToken ct)
    {
        // Existing bookings in the period stay: reception moves or cancels them with the patient.
        var row = new TimeOffPeriod { Id = Guid.CreateVersion7(), PractitionerId = practitionerId, Start = start, End = end, Reason = reason };
        db.TimeOff.Add(row);
        await db.SaveChangesAsync(ct);
        return ToDto(row);
    }

    /// <returns>False when the practitioner has no such time off.</returns>
    public async Task<bool> DeleteTimeOffAsync(Guid practitionerId, Guid timeOffId, CancellationToken ct)
    {
        var row = await db.TimeOff.FirstOrDefaultAsync(t => t.Id == timeOffId && t.PractitionerId == practitionerId, ct);
        if (row is null)
        {
            return false;
        }

        db.TimeOff.Remove(row);
        // The time is workable again: waiting patients may be offered it.
        WaitlistHolds.RecordOpening(db, practitionerId, new Interval(row.Start, row.End), Instant.FromDateTimeOffset(clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static TimeOffDto ToDto(TimeOffPeriod t) => new(t.Id, t.Start.ToClinicTime(), t.End.ToClinicTime(), t.Reason);
}
