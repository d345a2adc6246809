using CultureHealth.Calendar;
using NodaTime;

namespace CultureHealth.Booking.Domain;

/// <summary>
/// The single source of truth for "can this practitioner see a patient at this time?". Listing slots
/// and validating a requested start both run <see cref="EvaluateDay"/>, so the booking step can never
/// reject a time the listing offered (nor accept one it did not).
/// </summary>
/// <remarks>
/// Rules for a candidate start S on clinic-local date D:
/// <list type="bullet">
/// <item>S is a wall-clock time reached from a working interval's local start in whole granularity steps.
/// Wall-clock times skipped by the spring clock change are not candidates; a wall-clock time repeated by the
/// autumn change is a candidate once, at its first occurrence, so each real instant is offered at most once. The
/// second pass through the repeated hour therefore offers no new starts, though appointments run through it.</item>
/// <item>The appointment [S, S + duration), in real elapsed time, lies inside that one working interval.</item>
/// <item>The footprint [S - buffer before, S + duration + buffer after) overlaps no busy interval and no time off.
/// Buffers may run outside working hours (e.g. into lunch or after closing): they are the practitioner's own
/// preparation time, and refusing them would strand the first and last slot of every block. They still may not
/// collide with another booking or with time off, because the practitioner is genuinely elsewhere then.</item>
/// <item>S &gt;= now + minimum notice, and D &lt;= today + horizon (today being the clinic-local date of now).</item>
/// <item>D is not a clinic closure.</item>
/// <item>When the type needs a room, some room of that kind is open on D and free for the whole footprint (the
/// same footprint, buffers included, that the room's exclusion constraint checks): <see cref="RoomPool.FirstFreeRoom"/>.</item>
/// </list>
/// </remarks>
public static class AvailabilityCalculator
{
    /// <summary>Free slot starts on clinic-local dates <paramref name="from"/>..<paramref name="to"/> inclusive, in time order.</summary>
    public static IReadOnlyList<AvailableSlot> FreeSlots(AvailabilityContext context, Instant now, LocalDate from, LocalDate to)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (to < from)
        {
            throw new ArgumentException($"The date range ends ({to}) before it starts ({from}).", nameof(to));
        }

        // Days before today or past the horizon can hold no free slot, so skipping them only saves work.
        var first = LocalDate.Max(from, ClinicTimeZone.DateOf(now));
        var last = LocalDate.Min(to, context.Rules.LastBookableDate(now));

        var seen = new HashSet<Instant>();
        var slots = new List<AvailableSlot>();
        for (var date = first; date <= last; date = date.PlusDays(1))
        {
            foreach (var candidate in EvaluateDay(context, now, date))
            {
                if (candidate.Rejection is null && seen.Add(candidate.Start))
                {
                    slots.Add(ToSlot(candidate.Start, context.AppointmentType));
                }
            }
        }

        slots.Sort((a, b) => a.StartInstant.CompareTo(b.StartInstant));
        return slots;
    }

    /// <summary>
    /// Whether a booking may start at <paramref name="start"/>: true exactly when <see cref="FreeSlots"/> for
    /// that clinic-local date lists it. Otherwise the most useful reason is reported, time rules first.
    /// </summary>
    public static BookabilityResult IsBookable(AvailabilityContext context, Instant now, Instant start)
    {
        ArgumentNullException.ThrowIfNull(context);
        var date = ClinicTimeZone.DateOf(start);

        foreach (var candidate in EvaluateDay(context, now, date))
        {
            if (candidate.Start == start)
            {
                return candidate.Rejection is { } rejection
                    ? BookabilityResult.Rejected(rejection)
                    : BookabilityResult.Bookable;
            }
        }

        // Not a slot start at all; explain why in the order a patient would find most helpful.
        if (BrokenTimingRule(context.Rules, now, date, start) is { } timing)
        {
            return BookabilityResult.Rejected(timing);
        }

        if (context.Closures.IsClosedOn(date))
        {
            return BookabilityResult.Rejected(SlotRejectionReason.Closed);
        }

        var appointment = context.AppointmentType.AppointmentAt(start);
        var insideWorkingHours = context.Schedule
            .WorkingIntervalsOn(date, context.Closures)
            .Any(interval => interval.On(date).Encloses(appointment));

        return BookabilityResult.Rejected(insideWorkingHours
            ? SlotRejectionReason.NotOnSlotBoundary
            : SlotRejectionReason.OutsideWorkingHours);
    }

    private readonly record struct Candidate(Instant Start, SlotRejectionReason? Rejection);

    /// <summary>Every start on <paramref name="date"/> that is aligned and fits working hours, with its first broken rule.</summary>
    private static IEnumerable<Candidate> EvaluateDay(AvailabilityContext context, Instant now, LocalDate date)
    {
        var type = context.AppointmentType;
        var step = context.Rules.SlotGranularityMinutes;
        var intervals = context.Schedule.WorkingIntervalsOn(date, context.Closures);
        if (intervals.Count == 0)
        {
            yield break;
        }

        var windows = intervals.Select(interval => interval.On(date)).ToArray();
        var blockers = BlockersNear(context, windows);

        for (var i = 0; i < intervals.Count; i++)
        {
            var interval = intervals[i];
            var window = windows[i];
            var end = date + interval.End;
            for (var local = date + interval.Start; local < end; local = local.PlusMinutes(step))
            {
                if (!ClinicTimeZone.Exists(local))
                {
                    continue;
                }

                var start = ClinicTimeZone.Resolve(local).ToInstant();
                if (!window.Encloses(type.AppointmentAt(start)))
                {
                    continue;
                }

                var footprint = type.FootprintAt(start);
                var rejection = BrokenTimingRule(context.Rules, now, date, start)
                    ?? BrokenBlockingRule(blockers, footprint)
                    ?? context.Rooms?.RejectionFor(date, footprint);
                yield return new Candidate(start, rejection);
            }
        }
    }

    private static SlotRejectionReason? BrokenTimingRule(BookingRules rules, Instant now, LocalDate date, Instant start)
    {
        if (start < now)
        {
            return SlotRejectionReason.InThePast;
        }

        if (start < now + rules.MinimumNotice)
        {
            return SlotRejectionReason.TooSoon;
        }

        return date > rules.LastBookableDate(now) ? SlotRejectionReason.BeyondHorizon : null;
    }

    private static SlotRejectionReason? BrokenBlockingRule(Blockers blockers, Interval footprint)
    {
        if (blockers.TimeOff.Any(period => period.Overlaps(footprint)))
        {
            return SlotRejectionReason.TimeOff;
        }

        return blockers.Busy.Any(busy => busy.Overlaps(footprint)) ? SlotRejectionReason.Clash : null;
    }

    private sealed record Blockers(IReadOnlyList<Interval> TimeOff, IReadOnlyList<Interval> Busy);

    // Only blockers that could touch some footprint on this day matter; filtering once per day keeps
    // a long listing from testing every booking against every candidate of every day.
    private static Blockers BlockersNear(AvailabilityContext context, Interval[] windows)
    {
        var type = context.AppointmentType;
        var reach = new Interval(
            windows.Min(window => window.Start) - type.BufferBefore,
            windows.Max(window => window.End) + type.BufferAfter);

        return new Blockers(
            [.. context.Schedule.TimeOffPeriods.Select(timeOff => timeOff.Period).Where(period => period.Overlaps(reach))],
            [.. context.BusyIntervals.Where(busy => busy.Overlaps(reach))]);
    }

    private static AvailableSlot ToSlot(Instant start, AppointmentType type) =>
        new(ClinicTimeZone.InClinicZone(start), ClinicTimeZone.InClinicZone(start + type.Duration));
}
