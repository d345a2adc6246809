using CultureHealth.Booking.Data;
using CultureHealth.Booking.Domain;
using CultureHealth.Booking.Telemetry;
using CultureHealth.Calendar;
using CultureHealth.Contracts;
using CultureHealth.Messaging.Data;
using CultureHealth.ServiceDefaults.Secrets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CultureHealth.Booking.Application;

/// <summary>
/// Turns freed diary time into offers, first come first served. Each opening is taken with FOR UPDATE SKIP LOCKED
/// (replicas work side by side on different openings) and worked under the practitioner's advisory lock, the one
/// every booking write takes, so an offer is made only for time that is free at that moment and no booking can slip
/// in between the look and the offer. An offer of a type that needs a room also holds a room, picked by RoomPool
/// under the room kind's lock (taken after the practitioner's, as a booking takes it). The database backs this up: no
/// two live offers may overlap in one diary or one room (exclusion constraints) and one entry has at most one live
/// offer (unique index).
/// </summary>
public sealed partial class WaitlistMatcher(
    BookingDbContext db,
    DiaryReader diary,
    DiaryWriteLock diaryLock,
    RoomAllocation rooms,
    IOptions<WaitlistOptions> options,
    IOptions<BookingOptions> bookingOptions,
    TimeProvider clock,
    EventSecrets secrets,
    BookingMetrics metrics,
    ILogger<WaitlistMatcher> logger)
{
    /// <summary>How many waiting entries one opening looks at; more than enough for one freed slot's worth of time.</summary>
    private const int EntriesPerOpening = 200;

    private Instant Now => Instant.FromDateTimeOffset(clock.GetUtcNow());

    /// <summary>
    /// Ends up to <paramref name="batch"/> offers whose hold ran out and records their slots as free again, so the next
    /// waiter is offered them. The take path claims an offer only while <c>expires_at</c> is ahead, so the two never both win.
    /// </summary>
    public async Task<int> LapseDueAsync(int batch, CancellationToken ct)
    {
        var now = Now;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var due = await db.WaitlistOffers.FromSql($"""
            SELECT * FROM waitlist_offers WHERE status = 'live' AND expires_at <= {now}
            ORDER BY expires_at LIMIT {batch} FOR UPDATE SKIP LOCKED
            """).ToListAsync(ct);
        foreach (var offer in due)
        {
            offer.Status = WaitlistOfferStatuses.Lapsed;
            offer.ClosedAt = now;
            WaitlistHolds.RecordOpening(db, offer.PractitionerId, offer.Footprint, now);
            LogLapsed(logger, offer.Id, offer.EntryId);
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        metrics.WaitlistOfferClosed(WaitlistOfferStatuses.Lapsed, due.Count);
        return due.Count;
    }

    /// <summary>Offers the time of one opening to the waiting patients it suits; false when no opening was left to take.</summary>
    public async Task<bool> OfferNextOpeningAsync(CancellationToken ct)
    {
        var now = Now;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var opening = (await db.WaitlistOpenings.FromSql($"""
            SELECT * FROM waitlist_openings ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED
            """).ToListAsync(ct)).FirstOrDefault();
        if (opening is null)
        {
            return false;
        }

        await diaryLock.LockInTransactionAsync(db, opening.PractitionerId, ct);
        var offered = await db.Practitioners.AnyAsync(p => p.Id == opening.PractitionerId && p.Active, ct)
            ? await OfferSpanAsync(opening.PractitionerId, opening.Span, now, ct)
            : 0;
        db.WaitlistOpenings.Remove(opening);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        metrics.WaitlistOffered(offered);
        return true;
    }

    /// <summary>
    /// In join order, each waiting entry this practitioner could serve gets the first free slot that overlaps the
    /// freed span and suits it; each offer holds its slot before the next entry looks, so one slot goes to one patient.
    /// </summary>
    private async Task<int> OfferSpanAsync(Guid practitionerId, Interval span, Instant now, CancellationToken ct)
    {
        var offered = 0;
        var from = ClinicTimeZone.DateOf(span.Start);
        var to = ClinicTimeZone.DateOf(span.End);
        var today = ClinicTimeZone.DateOf(now);
        var entries = await db.WaitlistEntries.AsNoTracking()
            .Where(e => e.Status == WaitlistStatuses.Waiting
                && (e.PractitionerId == null || e.PractitionerId == practitionerId)
                && e.FromDate <= to && e.ToDate >= from && e.ToDate >= today
                && db.Offerings.Any(o => o.PractitionerId == practitionerId && o.AppointmentTypeId == e.AppointmentTypeId)
                && db.AppointmentTypes.Any(t => t.Id == e.AppointmentTypeId && t.Active)
                && !db.WaitlistOffers.Any(o => o.EntryId == e.Id && o.Status == WaitlistOfferStatuses.Live))
            .OrderBy(e => e.Position)
            .Take(EntriesPerOpening)
            .ToListAsync(ct);
        var names = await db.Practitioners.Where(p => p.Id == practitionerId).Select(p => p.Name).FirstAsync(ct);
        // The rooms the slots are read with must stay as read until the offers commit: every kind these entries need is
        // locked before the first look (the practitioner's lock is already held).
        var typeIds = entries.Select(e => e.AppointmentTypeId).Distinct().ToArray();
        await rooms.LockKindsAsync(await db.AppointmentTypes.AsNoTracking()
            .Where(t => typeIds.Contains(t.Id) && t.RoomKind != null).Select(t => t.RoomKind!).ToListAsync(ct), ct);
        foreach (var entry in entries)
        {
            if (await BookedSinceJoiningAsync(entry, now, ct))
            {
                LogSkipped(logger, entry.Id);
                continue;
            }

            var type = await db.AppointmentTypes.AsNoTracking().FirstAsync(t => t.Id == entry.AppointmentTypeId, ct);
            var rule = type.ToRule();
            // Read after every offer made in this transaction, so each hold counts for the next entry.
            var contexts = await diary.ContextsAsync([practitionerId], rule, from, to, null, ct);
            if (await FirstSuitableStartAsync(entry, practitionerId, contexts[practitionerId], rule, span, now, from, to, ct) is not { } start)
            {
                continue;
            }

            // Listed slots already had a room; asking the one rule again for which room is what the offer stores.
            Guid? roomId = null;
            if (rule.RoomKind is not null && (roomId = await rooms.RoomForOfferAsync(rule, start, ct)) is null)
            {
                LogNoRoom(logger, entry.Id, start);
                continue;
            }

            await OfferAsync(entry, practitionerId, names, type, rule, start, roomId, now, ct);
            offered++;
        }

        return offered;
    }

    private async Task<Instant?> FirstSuitableStartAsync(
        WaitlistEntry entry, Guid practitionerId, AvailabilityContext context, AppointmentType rule, Interval span, Instant now, LocalDate from, LocalDate to, CancellationToken ct)
    {
        var wish = entry.Wish();
        // An entry that let an offer lapse is not offered that time again (nor a time overlapping it: the same slot
        // shifted by a quarter of an hour would be the same unanswered email), nor a time it is already booked at.
        var offeredBefore = await db.WaitlistOffers.AsNoTracking()
            .Where(o => o.EntryId == entry.Id && o.PractitionerId == practitionerId)
            .Select(o => o.Footprint).ToListAsync(ct);
        var ownBookings = await PatientBookings.MadeFor(db, entry.Email).AsNoTracking()
            .Where(b => (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Confirmed)
                && b.Start < ClinicTimeZone.StartOfDay(to.PlusDays(1)) && b.End > ClinicTimeZone.StartOfDay(from))
            .Select(b => new Interval(b.Start, b.End)).ToListAsync(ct);
        // Still bookable (minimum notice) when the patient takes it at the very end of the hold.
        var earliest = now + Duration.FromTimeSpan(options.Value.OfferHold) + Duration.FromMinutes(bookingOptions.Value.MinimumNoticeMinutes);
        // The freed time is offered from its own start first (a cancelled appointment comes back as the same time where
        // the type fits), then earlier starts that reach into it: filling from the start leaves the fewest gaps.
        var candidates = AvailabilityCalculator.FreeSlots(context, now, from, to)
            .Select(s => s.StartInstant)
            .Where(start => start >= earliest)
            .OrderBy(start => rule.FootprintAt(start).Start < span.Start)
            .ThenBy(start => start);
        foreach (var start in candidates)
        {
            var footprint = rule.FootprintAt(start);
            var appointment = rule.AppointmentAt(start);
            if (footprint.Start < span.End && span.Start < footprint.End && wish.Suits(start)
                && !offeredBefore.Any(o => o.Start < footprint.End && footprint.Start < o.End)
                && !ownBookings.Any(b => b.Start < appointment.End && appointment.Start < b.End))
            {
                return start;
            }
        }

        return null;
    }

    /// <summary>
    /// A patient who has booked this appointment type since joining (an upcoming booking, pending or confirmed) found
    /// what they waited for elsewhere: they are passed over, but stay on the list in case that booking is cancelled.
    /// </summary>
    private Task<bool> BookedSinceJoiningAsync(WaitlistEntry entry, Instant now, CancellationToken ct) =>
        PatientBookings.MadeFor(db, entry.Email).AnyAsync(b => b.AppointmentTypeId == entry.AppointmentTypeId
            && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Confirmed)
            && b.CreatedAt >= entry.JoinedAt && b.Start > now, ct);

    private async Task OfferAsync(
        WaitlistEntry entry, Guid practitionerId, string practitionerName, AppointmentTypeDefinition type, AppointmentType rule, Instant start,
        Guid? roomId, Instant now, CancellationToken ct)
    {
        var token = SecretToken.Generate();
        var offer = new WaitlistOffer
        {
            Id = Guid.CreateVersion7(),
            EntryId = entry.Id,
            PractitionerId = practitionerId,
            AppointmentTypeId = type.Id,
            Start = start,
            End = start + rule.Duration,
            Footprint = rule.FootprintAt(start),
            RoomId = roomId,
            TokenHash = token.Hash,
            Status = WaitlistOfferStatuses.Live,
            OfferedAt = now,
            ExpiresAt = now + Duration.FromTimeSpan(options.Value.OfferHold),
        };
        db.WaitlistOffers.Add(offer);
        var occurredAt = now.ToDateTimeOffset();
        db.PublishOnCommit(new WaitlistOfferMade(
            Guid.NewGuid(), occurredAt, offer.Id, entry.Id, practitionerId, practitionerName, type.Id, type.Name,
            offer.Start.ToClinicTime(), offer.End.ToClinicTime(), entry.PatientName, entry.Email,
            offer.ExpiresAt.ToClinicTime(), secrets.Seal(token.Value)), occurredAt);
        await db.SaveChangesAsync(ct);
        LogOffered(logger, offer.Id, entry.Id, start);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Offered {Start} to waitlist entry {EntryId} as offer {OfferId}")]
    private static partial void LogOffered(ILogger logger, Guid offerId, Guid entryId, Instant start);

    [LoggerMessage(Level = LogLevel.Information, Message = "Waitlist offer {OfferId} for entry {EntryId} lapsed untaken; its slot goes to the next waiter")]
    private static partial void LogLapsed(ILogger logger, Guid offerId, Guid entryId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Waitlist entry {EntryId} not offered {Start}: no room of its kind is free then")]
    private static partial void LogNoRoom(ILogger logger, Guid entryId, Instant start);

    [LoggerMessage(Level = LogLevel.Information, Message = "Waitlist entry {EntryId} passed over: it booked this appointment type since joining")]
    private static partial void LogSkipped(ILogger logger, Guid entryId);
}
