using CultureHealth.Booking.Data;
using CultureHealth.Messaging.Erasure;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CultureHealth.Booking.Application.PatientData;

public sealed record BookingData(
    Guid Id, string Status, DateTimeOffset Start, DateTimeOffset End, string PractitionerName, string AppointmentTypeName,
    string PatientName, string PatientEmail, string? PatientPhone, string? Notes, long PricePence, string PaidBy,
    string? CancelledBy, DateTimeOffset CreatedAt);

public sealed record CreditGrantData(string OrderNumber, string AppointmentTypeCode, int Granted, int Remaining, DateTimeOffset GrantedAt, DateTimeOffset? RevokedAt);

public sealed record WaitlistEntryData(
    Guid Id, string Status, string AppointmentTypeName, string PatientName, string? PatientPhone, string FromDate, string ToDate,
    string EarliestStart, string LatestStart, DateTimeOffset JoinedAt, IReadOnlyList<WaitlistOfferData> Offers);

public sealed record WaitlistOfferData(DateTimeOffset Start, DateTimeOffset End, string Status, DateTimeOffset OfferedAt);

/// <summary>Everything booking holds about one address (UK GDPR right of access).</summary>
public sealed record BookingPatientData(
    string Email, IReadOnlyList<BookingData> Bookings, IReadOnlyList<CreditGrantData> SessionCredits, IReadOnlyList<WaitlistEntryData> Waitlist);

/// <summary>
/// A patient's data in booking. Erasure keeps each booking as a fact of the diary (a practitioner's time was taken,
/// what it cost, its status) and removes who it was for: name, email, phone and notes; credits lose their owner
/// (unspent sessions can no longer be used by anyone); a pending hold is dropped with its client address; waitlist
/// entries and their offers are deleted.
/// </summary>
public sealed class BookingPatientDataService(BookingDbContext db, TimeProvider clock)
{
    public async Task<BookingPatientData> ExportAsync(string email, CancellationToken ct)
    {
        var bookings = await (
                from b in PatientBookings.MadeFor(db, email).AsNoTracking()
                join p in db.Practitioners.AsNoTracking() on b.PractitionerId equals p.Id
                join t in db.AppointmentTypes.AsNoTracking() on b.AppointmentTypeId equals t.Id
                orderby b.Start
                select new { b, Practitioner = p.Name, Type = t.Name })
            .ToListAsync(ct);
        var credits = await db.CreditGrants.AsNoTracking()
            .Where(g => g.CustomerEmail == email)
            .OrderBy(g => g.GrantedAt)
            .ToListAsync(ct);
        var waitlist = await (
                from w in db.WaitlistEntries.AsNoTracking()
                join t in db.AppointmentTypes.AsNoTracking() on w.AppointmentTypeId equals t.Id
                where w.Email == email
                orderby w.Position
                select new { w, Type = t.Name })
            .ToListAsync(ct);
        var entryIds = waitlist.Select(x => x.w.Id).ToList();
        var offers = await db.WaitlistOffers.AsNoTracking().Where(o => entryIds.Contains(o.EntryId)).OrderBy(o => o.OfferedAt).ToListAsync(ct);
        return new BookingPatientData(
            email,
            bookings.Select(x => new BookingData(
                x.b.Id, BookingStatusNames.ToText(x.b.Status), x.b.Start.ToDateTimeOffset(), x.b.End.ToDateTimeOffset(), x.Practitioner, x.Type,
                x.b.PatientName, x.b.PatientEmail, x.b.PatientPhone, x.b.Notes, x.b.PricePence, x.b.PaidBy, x.b.CancelledBy,
                x.b.CreatedAt.ToDateTimeOffset())).ToList(),
            credits.Select(g => new CreditGrantData(g.OrderNumber, g.AppointmentTypeCode, g.Granted, g.Remaining,
                g.GrantedAt.ToDateTimeOffset(), g.RevokedAt?.ToDateTimeOffset())).ToList(),
            waitlist.Select(x => new WaitlistEntryData(
                x.w.Id, x.w.Status, x.Type, x.w.PatientName, x.w.PatientPhone, x.w.FromDate.ToString("yyyy-MM-dd", null), x.w.ToDate.ToString("yyyy-MM-dd", null),
                x.w.EarliestStart.ToString("HH:mm", null), x.w.LatestStart.ToString("HH:mm", null), x.w.JoinedAt.ToDateTimeOffset(),
                offers.Where(o => o.EntryId == x.w.Id).Select(o => new WaitlistOfferData(
                    o.Start.ToDateTimeOffset(), o.End.ToDateTimeOffset(), o.Status, o.OfferedAt.ToDateTimeOffset())).ToList())).ToList());
    }

    /// <summary>Runs in the caller's transaction.</summary>
    public async Task<ErasedRecords> EraseAsync(string email, CancellationToken ct)
    {
        var ids = await PatientBookings.MadeFor(db, email).Select(b => b.Id).ToListAsync(ct);
        var holds = await db.PendingConfirmations.Where(p => p.Email == email || ids.Contains(p.BookingId)).ExecuteDeleteAsync(ct);
        if (ids.Count > 0)
        {
            await db.Bookings.Where(b => ids.Contains(b.Id)).ExecuteUpdateAsync(s => s
                .SetProperty(b => b.PatientName, ErasedPersonalData.Name)
                .SetProperty(b => b.PatientEmail, ErasedPersonalData.Email)
                .SetProperty(b => b.PatientPhone, (string?)null)
                .SetProperty(b => b.Notes, (string?)null), ct);
        }
        var credits = await db.CreditGrants.Where(g => g.CustomerEmail == email)
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.CustomerEmail, ErasedPersonalData.Email), ct);
        // Waitlist entries exist only to reach the patient: they go, with their offers; a live offer's time is freed
        // for the next waiter, as when a patient leaves the list.
        var entries = await db.WaitlistEntries.Where(w => w.Email == email).Select(w => w.Id).ToListAsync(ct);
        var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        foreach (var live in await db.WaitlistOffers.AsNoTracking()
            .Where(o => entries.Contains(o.EntryId) && o.Status == WaitlistOfferStatuses.Live).ToListAsync(ct))
        {
            WaitlistHolds.RecordOpening(db, live.PractitionerId, live.Footprint, now);
        }
        var offers = await db.WaitlistOffers.Where(o => entries.Contains(o.EntryId)).ExecuteDeleteAsync(ct);
        var waiting = await db.WaitlistEntries.Where(w => entries.Contains(w.Id)).ExecuteDeleteAsync(ct);
        return new ErasedRecords(ids.Count + holds + credits + offers + waiting, ids);
    }
}
