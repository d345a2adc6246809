using CultureHealth.Booking.Data;
using CultureHealth.Messaging.Data;
using CultureHealth.ServiceDefaults.Problems;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CultureHealth.Booking.Application;

/// <summary>
/// A signed-in patient's waitlist entries: join, list, leave. The patient is known only by the address their patient
/// token proves; entries are read and removed by that address, never by an id alone.
/// </summary>
public sealed partial class Waitlist(
    BookingDbContext db, IOptions<WaitlistOptions> options, TimeProvider clock, ILogger<Waitlist> logger)
{
    private Instant Now => Instant.FromDateTimeOffset(clock.GetUtcNow());

    public async Task<WaitlistEntryDto> JoinAsync(string email, NewWaitlistEntry request, CancellationToken ct)
    {
        var type = await db.AppointmentTypes.AsNoTracking()
            .FirstOrDefaultAsync(t => t.Id == request.AppointmentTypeId && t.Active, ct)
            ?? throw ProblemException.Unprocessable("appointmentTypeId", "No bookable appointment type has this id.");
        string? practitionerName = null;
        if (request.PractitionerId is { } practitionerId)
        {
            practitionerName = await db.Practitioners.AsNoTracking()
                .Where(p => p.Id == practitionerId && p.Active
                    && db.Offerings.Any(o => o.PractitionerId == p.Id && o.AppointmentTypeId == type.Id))
                .Select(p => p.Name).FirstOrDefaultAsync(ct)
                ?? throw ProblemException.Unprocessable("practitionerId", "No active practitioner with this id offers this appointment type.");
        }

        var now = Now;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // One patient's parallel joins queue here, so the cap holds exactly.
        await db.LockForTransactionAsync(PendingHolds.LockKey("waitlist:" + email), ct);
        var max = options.Value.MaxEntriesPerPatient;
        if (await db.WaitlistEntries.CountAsync(e => e.Email == email && e.Status == WaitlistStatuses.Waiting, ct) >= max)
        {
            throw WaitlistProblems.TooManyEntries(max);
        }

        var wish = request.Wish;
        var entry = new WaitlistEntry
        {
            Id = Guid.CreateVersion7(),
            Email = email,
            PatientName = request.PatientName,
            PatientPhone = request.PatientPhone,
            AppointmentTypeId = type.Id,
            PractitionerId = request.PractitionerId,
            FromDate = wish.FromDate,
            ToDate = wish.ToDate,
            Weekdays = wish.Weekdays,
            EarliestStart = wish.EarliestStart,
            LatestStart = wish.LatestStart,
            Status = WaitlistStatuses.Waiting,
            JoinedAt = now,
            UpdatedAt = now,
        };
        db.WaitlistEntries.Add(entry);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        LogJoined(logger, entry.Id, type.Id, request.PractitionerId);
        return entry.ToDto(type.Name, practitionerName, null);
    }

    /// <summary>The patient's entries, newest first: waiting ones (with a live offer, if any), then booked ones.</summary>
    public async Task<IReadOnlyList<WaitlistEntryDto>> MineAsync(string email, CancellationToken ct)
    {
        var rows = await (
            from e in db.WaitlistEntries.AsNoTracking()
            join t in db.AppointmentTypes on e.AppointmentTypeId equals t.Id
            where e.Email == email && e.Status != WaitlistStatuses.Left
            orderby e.Position descending
            select new
            {
                Entry = e,
                TypeName = t.Name,
                PractitionerName = db.Practitioners.Where(p => p.Id == e.PractitionerId).Select(p => p.Name).FirstOrDefault(),
                Offer = db.WaitlistOffers.FirstOrDefault(o => o.EntryId == e.Id && o.Status == WaitlistOfferStatuses.Live),
            }).Take(100).ToListAsync(ct);
        return [.. rows.Select(r => r.Entry.ToDto(r.TypeName, r.PractitionerName, r.Offer))];
    }

    /// <summary>
    /// Leaves the waitlist. Someone else's entry answers as an unknown one. A live offer is withdrawn with it and its
    /// slot recorded as free, so the next waiter is offered it at once rather than when the hold would have run out.
    /// </summary>
    public async Task LeaveAsync(string email, Guid entryId, CancellationToken ct)
    {
        var now = Now;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var left = await db.WaitlistEntries
            .Where(e => e.Id == entryId && e.Email == email && e.Status == WaitlistStatuses.Waiting)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, WaitlistStatuses.Left).SetProperty(e => e.UpdatedAt, now), ct);
        if (left == 0)
        {
            // Leaving twice (a double click) is done, not an error; anyone else's entry stays unknown.
            if (await db.WaitlistEntries.AnyAsync(e => e.Id == entryId && e.Email == email, ct))
            {
                return;
            }

            throw WaitlistProblems.EntryNotFound();
        }

        var withdrawn = await db.WaitlistOffers
            .FromSql($"SELECT * FROM waitlist_offers WHERE entry_id = {entryId} AND status = 'live' FOR UPDATE")
            .ToListAsync(ct);
        foreach (var offer in withdrawn)
        {
            offer.Status = WaitlistOfferStatuses.Withdrawn;
            offer.ClosedAt = now;
            WaitlistHolds.RecordOpening(db, offer.PractitionerId, offer.Footprint, now);
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        LogLeft(logger, entryId, withdrawn.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Waitlist entry {EntryId} joined for type {AppointmentTypeId}, practitioner {PractitionerId}")]
    private static partial void LogJoined(ILogger logger, Guid entryId, Guid appointmentTypeId, Guid? practitionerId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Waitlist entry {EntryId} left; {Withdrawn} live offer(s) withdrawn")]
    private static partial void LogLeft(ILogger logger, Guid entryId, int withdrawn);
}
