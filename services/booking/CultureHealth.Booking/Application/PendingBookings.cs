using CultureHealth.Booking.Data;
using CultureHealth.Booking.Domain;
using CultureHealth.Booking.Telemetry;
using CultureHealth.Calendar;
using CultureHealth.Contracts;
using CultureHealth.Messaging.Data;
using CultureHealth.ServiceDefaults.Secrets;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CultureHealth.Booking.Application;

/// <summary>
/// Guests' bookings after they are made: a pending booking holds its slot (the exclusion constraint counts it)
/// until the patient follows the emailed link, or until its hold runs out and the sweeper releases it.
/// </summary>
public sealed partial class PendingBookings(
    BookingDbContext db,
    BookingQueries bookings,
    TimeProvider clock,
    BookingMetrics metrics,
    EventSecrets secrets,
    ILogger<PendingBookings> logger)
{
    private Instant Now => Instant.FromDateTimeOffset(clock.GetUtcNow());

    /// <summary>
    /// The patient followed the emailed link. Confirming twice (a double click) answers as the first did; a hold
    /// that ran out cannot be confirmed, because its slot may already be someone else's.
    /// </summary>
    public async Task<BookingDto> ConfirmAsync(Guid id, string? token, CancellationToken ct)
    {
        var booking = await bookings.RequirePatientAsync(id, token, verifiedEmail: null, ct);
        if (booking.Status == BookingStatus.Confirmed)
        {
            return await bookings.ViewAsync(id, ct);
        }

        if (booking.Status != BookingStatus.Pending)
        {
            throw GuestBookingProblems.NotPending(booking.Status);
        }

        var now = Now;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            // The hold row first, as the sweeper takes it: whoever locks it decides, and the other finds it gone.
            var released = await db.PendingConfirmations.Where(p => p.BookingId == id && p.ExpiresAt > now).ExecuteDeleteAsync(ct);
            var confirmed = released == 1 && await db.Bookings
                .Where(b => b.Id == id && b.Status == BookingStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, BookingStatus.Confirmed).SetProperty(b => b.UpdatedAt, now), ct) == 1;
            if (!confirmed)
            {
                await tx.RollbackAsync(ct);
                var current = await db.Bookings.AsNoTracking().Where(b => b.Id == id).Select(b => b.Status).FirstAsync(ct);
                return current == BookingStatus.Confirmed ? await bookings.ViewAsync(id, ct) : throw GuestBookingProblems.NotPending(BookingStatus.Expired);
            }

            var names = await (
                from p in db.Practitioners
                join t in db.AppointmentTypes on booking.AppointmentTypeId equals t.Id
                where p.Id == booking.PractitionerId
                select new { Practitioner = p.Name, Type = t.Name }).FirstAsync(ct);
            booking.Status = BookingStatus.Confirmed;
            db.PublishOnCommit(BookingAnnouncements.Confirmed(booking, names.Practitioner, names.Type, token!, secrets, now), now.ToDateTimeOffset());
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }

        metrics.Confirmed(booking.PaidBy);
        LogConfirmed(logger, id);
        return await bookings.ViewAsync(id, ct);
    }

    /// <summary>
    /// Releases up to <paramref name="batch"/> holds that ran out, in one transaction: their bookings become
    /// expired (the exclusion constraint stops counting them) and BookingExpired tells whoever waits for a slot.
    /// SKIP LOCKED lets replicas sweep side by side, and leaves alone a hold being confirmed at this moment.
    /// </summary>
    public async Task<int> ExpireDueAsync(int batch, CancellationToken ct)
    {
        var now = Now;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var due = await db.Database.SqlQuery<Guid>($"""
            DELETE FROM pending_confirmations WHERE booking_id IN (
                SELECT booking_id FROM pending_confirmations WHERE expires_at <= {now}
                ORDER BY expires_at LIMIT {batch} FOR UPDATE SKIP LOCKED)
            RETURNING booking_id AS "Value"
            """).ToListAsync(ct);
        if (due.Count == 0)
        {
            return 0;
        }

        var expiring = await db.Bookings.AsNoTracking().Where(b => due.Contains(b.Id) && b.Status == BookingStatus.Pending).ToListAsync(ct);
        var ids = expiring.Select(b => b.Id).ToList();
        await db.Bookings.Where(b => ids.Contains(b.Id) && b.Status == BookingStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, BookingStatus.Expired).SetProperty(b => b.UpdatedAt, now), ct);
        var occurredAt = now.ToDateTimeOffset();
        foreach (var b in expiring)
        {
            db.PublishOnCommit(new BookingExpired(
                Guid.NewGuid(), occurredAt, b.Id, b.PractitionerId, b.Start.ToClinicTime(), b.End.ToClinicTime(), b.PatientEmail), occurredAt);
            WaitlistHolds.RecordOpening(db, b.PractitionerId, b.Footprint, now);
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        foreach (var b in expiring)
        {
            metrics.Expired();
            LogExpired(logger, b.Id);
        }

        return due.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pending booking {BookingId} confirmed by its emailed link")]
    private static partial void LogConfirmed(ILogger logger, Guid bookingId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pending booking {BookingId} expired unconfirmed; its slot is free again")]
    private static partial void LogExpired(ILogger logger, Guid bookingId);
}
