using CultureHealth.Booking.Data;
using CultureHealth.Booking.Domain;
using CultureHealth.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CultureHealth.Booking.Application;

/// <summary>
/// Loads what <see cref="AvailabilityCalculator"/> needs for some practitioners and dates in a fixed
/// number of queries (not one per practitioner or day), so listing a month for everyone stays cheap.
/// </summary>
public sealed class DiaryReader(BookingDbContext db, IOptions<BookingOptions> options)
{
    public async Task<IReadOnlyDictionary<Guid, AvailabilityContext>> ContextsAsync(
        IReadOnlyCollection<Guid> practitionerIds,
        AppointmentType type,
        LocalDate from,
        LocalDate to,
        Guid? ignoreBookingId,
        CancellationToken ct)
    {
        var ids = practitionerIds.ToArray();
        // A day's slots can be blocked by anything whose footprint reaches into it; a day's margin covers any buffer.
        var windowStart = ClinicTimeZone.StartOfDay(from.PlusDays(-1));
        var windowEnd = ClinicTimeZone.StartOfDay(to.PlusDays(2));

        var weekly = await db.WeeklySchedule.AsNoTracking()
            .Where(i => ids.Contains(i.PractitionerId)).ToListAsync(ct);
        var overrides = await db.DateOverrides.AsNoTracking()
            .Where(o => ids.Contains(o.PractitionerId) && o.Date >= from && o.Date <= to).ToListAsync(ct);
        var timeOff = await db.TimeOff.AsNoTracking()
            .Where(t => ids.Contains(t.PractitionerId) && t.Start < windowEnd && t.End > windowStart).ToListAsync(ct);
        var closures = await db.Closures.AsNoTracking()
            .Where(c => c.Date >= from && c.Date <= to).Select(c => c.Date).ToListAsync(ct);
        var busy = await db.Bookings.AsNoTracking()
            .Where(b => ids.Contains(b.PractitionerId) && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Confirmed)
                && b.Start < windowEnd && b.End > windowStart && b.Id != ignoreBookingId)
            .Select(b => new { b.PractitionerId, b.Footprint }).ToListAsync(ct);
        // A live waitlist offer holds its slot like a pending booking (see WaitlistHolds).
        busy.AddRange(await db.WaitlistOffers.AsNoTracking()
            .Where(o => ids.Contains(o.PractitionerId) && o.Status == WaitlistOfferStatuses.Live
                && o.Start < windowEnd && o.End > windowStart && o.Id != ignoreBookingId)
            .Select(o => new { o.PractitionerId, o.Footprint }).ToListAsync(ct));

        var clinicClosures = new ClinicClosures(closures);
        var rooms = type.RoomKind is { } kind ? await RoomPoolAsync(kind, from, to, ignoreBookingId, ct) : null;
        var rules = options.Value.Rules;
        var contexts = new Dictionary<Guid, AvailabilityContext>();
        foreach (var id in ids)
        {
            var schedule = new PractitionerSchedule(
                WeeklyOf(weekly.Where(i => i.PractitionerId == id)),
                OverridesOf(overrides.Where(o => o.PractitionerId == id)),
                timeOff.Where(t => t.PractitionerId == id).Select(t => new TimeOff(t.Start, t.End)));
            contexts[id] = new AvailabilityContext(
                schedule, clinicClosures, [.. busy.Where(b => b.PractitionerId == id).Select(b => b.Footprint)], type, rules, rooms);
        }

        return contexts;
    }

    /// <summary>
    /// The active rooms of <paramref name="kind"/> in the order they are handed out, with their holds near the dates and their
    /// closures on them. Read for listing slots, and again under the kind's lock when a booking or a waitlist offer takes a room.
    /// Holds are live bookings and live waitlist offers, except <paramref name="ignoreBookingId"/> (a booking being moved or
    /// an offer being taken).
    /// </summary>
    public async Task<RoomPool> RoomPoolAsync(string kind, LocalDate from, LocalDate to, Guid? ignoreBookingId, CancellationToken ct)
    {
        var windowStart = ClinicTimeZone.StartOfDay(from.PlusDays(-1));
        var windowEnd = ClinicTimeZone.StartOfDay(to.PlusDays(2));
        var rooms = await db.Rooms.AsNoTracking().Where(r => r.Kind == kind && r.Active)
            .OrderBy(r => r.Name).ThenBy(r => r.Id).Select(r => new { r.Id, r.Name }).ToListAsync(ct);
        var ids = rooms.Select(r => r.Id).ToArray();
        var closed = await db.RoomClosures.AsNoTracking()
            .Where(c => ids.Contains(c.RoomId) && c.Date >= from && c.Date <= to).Select(c => new { c.RoomId, c.Date }).ToListAsync(ct);
        var held = await db.Bookings.AsNoTracking()
            .Where(b => b.RoomId != null && ids.Contains(b.RoomId.Value)
                && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Confirmed)
                && b.Start < windowEnd && b.End > windowStart && b.Id != ignoreBookingId)
            .Select(b => new { b.RoomId, b.Footprint }).ToListAsync(ct);
        // A live waitlist offer holds its room as it holds its practitioner's time (except the offer being taken).
        held.AddRange(await db.WaitlistOffers.AsNoTracking()
            .Where(o => o.RoomId != null && ids.Contains(o.RoomId.Value) && o.Status == WaitlistOfferStatuses.Live
                && o.Start < windowEnd && o.End > windowStart && o.Id != ignoreBookingId)
            .Select(o => new { o.RoomId, o.Footprint }).ToListAsync(ct));
        return new RoomPool(kind, [.. rooms.Select(r => new RoomDiary(
            r.Id, r.Name,
            [.. held.Where(b => b.RoomId == r.Id).Select(b => b.Footprint)],
            closed.Where(c => c.RoomId == r.Id).Select(c => c.Date).ToHashSet()))]);
    }

    /// <summary>
    /// Whether a booking or a live waitlist offer that holds the diary (other than <paramref name="ignoreBookingId"/>, which
    /// may name a booking being moved or an offer being taken) already overlaps the footprint:
    /// the exclusion constraint's own question, asked first so a queued writer that lost the race can say so
    /// without opening a transaction.
    /// </summary>
    public async Task<bool> IsTakenAsync(Guid practitionerId, Interval footprint, Guid? ignoreBookingId, CancellationToken ct) =>
        await db.Database.SqlQuery<bool>($"""
            SELECT EXISTS (
                SELECT 1 FROM bookings
                WHERE practitioner_id = {practitionerId} AND status IN ('pending', 'confirmed') AND footprint && {footprint}
                  AND id <> {ignoreBookingId ?? Guid.Empty}
                UNION ALL
                SELECT 1 FROM waitlist_offers
                WHERE practitioner_id = {practitionerId} AND status = 'live' AND footprint && {footprint}
                  AND id <> {ignoreBookingId ?? Guid.Empty}) AS "Value"
            """).SingleAsync(ct);

    public async Task<AvailabilityContext> ContextAsync(
        Guid practitionerId, AppointmentType type, LocalDate date, Guid? ignoreBookingId, CancellationToken ct) =>
        (await ContextsAsync([practitionerId], type, date, date, ignoreBookingId, ct))[practitionerId];

    /// <summary>
    /// Each practitioner's working hours on each date (usual week, overrides and closures applied, as availability
    /// applies them) and their time off in the range: what the staff diary shades as working, off and away.
    /// </summary>
    public async Task<IReadOnlyList<WorkingDay>> WorkingDaysAsync(IReadOnlyCollection<Guid> practitionerIds, LocalDate from, LocalDate to, CancellationToken ct)
    {
        var ids = practitionerIds.ToArray();
        var rangeStart = ClinicTimeZone.StartOfDay(from);
        var rangeEnd = ClinicTimeZone.StartOfDay(to.PlusDays(1));
        var weekly = await db.WeeklySchedule.AsNoTracking().Where(i => ids.Contains(i.PractitionerId)).ToListAsync(ct);
        var overrides = await db.DateOverrides.AsNoTracking()
            .Where(o => ids.Contains(o.PractitionerId) && o.Date >= from && o.Date <= to).ToListAsync(ct);
        var timeOff = await db.TimeOff.AsNoTracking()
            .Where(t => ids.Contains(t.PractitionerId) && t.Start < rangeEnd && t.End > rangeStart).ToListAsync(ct);
        var closures = new ClinicClosures(await db.Closures.AsNoTracking().Where(c => c.Date >= from && c.Date <= to).Select(c => c.Date).ToListAsync(ct));
        var days = new List<WorkingDay>();
        foreach (var id in ids)
        {
            var schedule = new PractitionerSchedule(WeeklyOf(weekly.Where(i => i.PractitionerId == id)), OverridesOf(overrides.Where(o => o.PractitionerId == id)));
            var away = timeOff.Where(t => t.PractitionerId == id).Select(t => new TimeOff(t.Start, t.End)).ToList();
            for (var date = from; date <= to; date = date.PlusDays(1))
            {
                days.Add(new WorkingDay(id, date, schedule.WorkingIntervalsOn(date, closures), closures.IsClosedOn(date), away));
            }
        }
        return days;
    }

    private static WeeklySchedule WeeklyOf(IEnumerable<WeeklyScheduleInterval> rows) =>
        rows.GroupBy(r => r.Day).Aggregate(WeeklySchedule.Empty,
            (week, day) => week.With(day.Key, day.Select(r => new WorkingInterval(r.Start, r.End))));

    private static IEnumerable<DateOverride> OverridesOf(IEnumerable<DateOverrideInterval> rows) =>
        rows.GroupBy(r => r.Date).Select(date => new DateOverride(date.Key,
            date.Where(r => r.Start is not null && r.End is not null).Select(r => new WorkingInterval(r.Start!.Value, r.End!.Value))));
}

/// <summary>One practitioner's working intervals on one date, and any time off touching the range.</summary>
public sealed record WorkingDay(Guid PractitionerId, LocalDate Date, IReadOnlyList<WorkingInterval> Intervals, bool ClinicClosed, IReadOnlyList<TimeOff> TimeOff);
