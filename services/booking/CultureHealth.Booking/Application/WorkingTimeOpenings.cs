using CultureHealth.Booking.Data;
using CultureHealth.Booking.Domain;
using CultureHealth.Calendar;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CultureHealth.Booking.Application;

/// <summary>Practitioners' working intervals on some dates, as read before a change to hours or closures.</summary>
public sealed record WorkableTime(IReadOnlyCollection<Guid> PractitionerIds, LocalDate From, LocalDate To, IReadOnlyList<WorkingDay> Days);

/// <summary>
/// Working time that a staff change made workable (wider hours, a day's override, a removed clinic closure, a reopened
/// room) recorded as waitlist openings in the change's own transaction, like every other freed time
/// (<see cref="WaitlistHolds.RecordOpening"/>). The matcher then offers only slots that are really free when it looks,
/// so an opening over time that is still booked, away or has no room makes no offer.
/// </summary>
public sealed class WorkingTimeOpenings(DiaryReader diary, BookingDbContext db, IOptions<BookingOptions> options, TimeProvider clock)
{
    /// <summary>The practitioners' working time on every date of the waitlist's reach, read before a change to their rota.</summary>
    public Task<WorkableTime> BeforeAsync(IReadOnlyCollection<Guid> practitionerIds, CancellationToken ct) =>
        BeforeAsync(practitionerIds, LocalDate.MinIsoValue, LocalDate.MaxIsoValue, ct);

    /// <summary>The practitioners' working time on the dates of the waitlist's reach within [from, to], read before a change.</summary>
    public async Task<WorkableTime> BeforeAsync(IReadOnlyCollection<Guid> practitionerIds, LocalDate from, LocalDate to, CancellationToken ct)
    {
        var (first, last) = Reach(from, to);
        return new WorkableTime(practitionerIds, first, last,
            first <= last && practitionerIds.Count > 0 ? await diary.WorkingDaysAsync(practitionerIds, first, last, ct) : []);
    }

    /// <summary>Nothing workable: what a reopened room is measured against (its day's whole working time may use the room again).</summary>
    public WorkableTime Nothing(IReadOnlyCollection<Guid> practitionerIds, LocalDate date)
    {
        var (first, last) = Reach(date, date);
        return new WorkableTime(practitionerIds, first, last, []);
    }

    /// <summary>
    /// Reads the same practitioners and dates again, after the change (in the caller's transaction, so it sees it), and
    /// records each stretch of working time that was not there <paramref name="before"/> as an opening. The caller saves.
    /// </summary>
    public async Task<int> RecordGainedSinceAsync(WorkableTime before, CancellationToken ct)
    {
        if (before.From > before.To || before.PractitionerIds.Count == 0)
        {
            return 0;
        }

        var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        var was = before.Days.ToDictionary(d => (d.PractitionerId, d.Date), d => d.Intervals);
        var recorded = 0;
        foreach (var day in await diary.WorkingDaysAsync(before.PractitionerIds, before.From, before.To, ct))
        {
            foreach (var added in WorkingIntervals.Added(was.GetValueOrDefault((day.PractitionerId, day.Date), []), day.Intervals))
            {
                WaitlistHolds.RecordOpening(db, day.PractitionerId, added.On(day.Date), now);
                recorded++;
            }
        }

        return recorded;
    }

    /// <summary>
    /// The dates a waitlist entry can reach: from today (clinic time) to the booking horizon, the last date a patient can
    /// join for (<see cref="BookingOptions.HorizonDays"/>) and so the last date any waiting entry covers. Nothing beyond it
    /// can be offered, and it bounds one change to at most HorizonDays + 1 days of rows (91 by default, a few per day
    /// at most: one per stretch of hours gained) instead of one per day of a weekly rota's open-ended future.
    /// </summary>
    private (LocalDate First, LocalDate Last) Reach(LocalDate from, LocalDate to)
    {
        var today = ClinicTimeZone.Today(clock);
        var last = today.PlusDays(options.Value.HorizonDays);
        return (from < today ? today : from, to > last ? last : to);
    }
}
