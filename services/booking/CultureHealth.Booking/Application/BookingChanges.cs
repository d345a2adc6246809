using CultureHealth.Booking.Data;
using CultureHealth.Booking.Domain;
using CultureHealth.Booking.Telemetry;
using CultureHealth.Calendar;
using CultureHealth.Contracts;
using CultureHealth.Messaging.Data;
using CultureHealth.ServiceDefaults.Problems;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CultureHealth.Booking.Application;

/// <summary>
/// Changing a booking once made: cancel or move it, by the patient (manage token) or by staff. Each change is one
/// conditional UPDATE, so a concurrent change or a taken slot leaves the booking as it was.
/// </summary>
public sealed partial class BookingChanges(
    BookingDbContext db,
    DiaryReader diary,
    DiaryWriteLock diaryLock,
    RoomAllocation rooms,
    BookingQueries queries,
    IOptions<BookingOptions> options,
    TimeProvider clock,
    BookingMetrics metrics,
    ILogger<BookingChanges> logger)
{
    private BookingOptions Options => options.Value;

    private Instant Now => Instant.FromDateTimeOffset(clock.GetUtcNow());

    public async Task<BookingDto> CancelAsync(PatientBooking booking, CancellationRequester requester, bool? restoreCredit, CancellationToken ct)
    {
        var now = Now;
        var policy = Options.CancellationPolicy;
        var decision = policy.Decide(booking.Status, booking.Start, now, requester);
        if (decision.Refusal is { } refusal)
        {
            throw BookingProblems.CancellationRefused(refusal, "cancel", policy.FreeCancellationHours);
        }

        // A late cancellation forfeits the session unless staff decide otherwise.
        var restore = booking.CreditGrantId is not null && (restoreCredit ?? !decision.IsLate);
        var cancelledBy = requester == CancellationRequester.Staff ? BookingCancellers.Staff : BookingCancellers.Patient;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var changed = await db.Bookings
            .Where(b => b.Id == booking.Id && b.Status == BookingStatus.Confirmed)
            .ExecuteUpdateAsync(s => s
                .SetProperty(b => b.Status, BookingStatus.Cancelled)
                .SetProperty(b => b.Sequence, b => b.Sequence + 1)
                .SetProperty(b => b.CancelledBy, cancelledBy)
                .SetProperty(b => b.UpdatedAt, now), ct);
        if (changed == 0)
        {
            throw BookingProblems.NotConfirmed();
        }

        var restored = restore && await db.CreditGrants
            .Where(g => g.Id == booking.CreditGrantId && g.RevokedAt == null && g.Remaining < g.Granted)
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.Remaining, g => g.Remaining + 1), ct) == 1;

        var occurredAt = now.ToDateTimeOffset();
        db.PublishOnCommit(new BookingCancelled(
            Guid.NewGuid(), occurredAt, booking.Id, booking.PractitionerId, booking.Start.ToClinicTime(), booking.End.ToClinicTime(),
            booking.PatientEmail, cancelledBy, restored, booking.Sequence + 1), occurredAt);
        WaitlistHolds.RecordOpening(db, booking.PractitionerId, booking.Footprint, now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        metrics.Cancelled(cancelledBy);
        LogCancelled(logger, booking.Id, cancelledBy, restored);
        return await queries.ViewAsync(booking.Id, ct);
    }

    /// <summary>
    /// Moves a booking in one UPDATE of its row: the exclusion constraints check the new footprint against
    /// everyone else's, and if it fails nothing changes, so the old slot is never given up for nothing. A booking
    /// that holds a room moves its room hold too: it keeps its room when that is free at the new time, otherwise
    /// takes the first free room of the kind.
    /// </summary>
    public async Task<BookingDto> RescheduleAsync(PatientBooking booking, Instant newStart, CancellationRequester requester, CancellationToken ct)
    {
        var now = Now;
        var policy = Options.CancellationPolicy;
        // Moving an appointment late frees the practitioner's time just as late as cancelling it would.
        if (policy.Decide(booking.Status, booking.Start, now, requester).Refusal is { } refusal)
        {
            throw BookingProblems.CancellationRefused(refusal, "reschedule", policy.FreeCancellationHours);
        }

        var type = await db.AppointmentTypes.AsNoTracking().FirstAsync(t => t.Id == booking.AppointmentTypeId, ct);
        var rule = type.ToRule();
        var context = await diary.ContextAsync(booking.PractitionerId, rule, ClinicTimeZone.DateOf(newStart), booking.Id, ct);
        if (AvailabilityCalculator.IsBookable(context, now, newStart).Rejection is { } rejection)
        {
            throw BookingProblems.SlotRejected(rejection, Options);
        }

        var end = newStart + rule.Duration;
        var footprint = rule.FootprintAt(newStart);
        using var turn = await diaryLock.EnterAsync(booking.PractitionerId, ct);
        if (await diary.IsTakenAsync(booking.PractitionerId, footprint, booking.Id, ct))
        {
            throw BookingProblems.SlotTaken();
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        int changed;
        try
        {
            await diaryLock.LockInTransactionAsync(db, booking.PractitionerId, ct);
            var roomId = await rooms.AllocateAsync(rule, newStart, booking.Id, booking.RoomId, Options, ct);
            changed = await db.Bookings
                .Where(b => b.Id == booking.Id && b.Status == BookingStatus.Confirmed && b.Sequence == booking.Sequence)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(b => b.RoomId, roomId)
                    .SetProperty(b => b.Start, newStart)
                    .SetProperty(b => b.End, end)
                    .SetProperty(b => b.Footprint, footprint)
                    .SetProperty(b => b.Sequence, b => b.Sequence + 1)
                    .SetProperty(b => b.UpdatedAt, now), ct);
            if (changed == 1)
            {
                await WaitlistHolds.ClaimOrGuardAsync(db, booking.PractitionerId, footprint, null, booking.Id, now, ct);
                // The time it leaves is free for the waitlist.
                WaitlistHolds.RecordOpening(db, booking.PractitionerId, booking.Footprint, now);
            }
        }
        catch (Exception e) when (PostgresErrors.IsExclusionViolation(e))
        {
            BookingLog.SlotTaken(logger, booking.PractitionerId, newStart);
            throw BookingProblems.SlotTaken();
        }
        catch (Exception e) when (PostgresErrors.IsLockContention(e))
        {
            BookingLog.DiaryBusy(logger, booking.PractitionerId, newStart);
            throw BookingProblems.DiaryBusy();
        }

        if (changed == 0)
        {
            throw BookingProblems.ChangedMeanwhile();
        }

        var occurredAt = now.ToDateTimeOffset();
        db.PublishOnCommit(new BookingRescheduled(
            Guid.NewGuid(), occurredAt, booking.Id, booking.PractitionerId, booking.Start.ToClinicTime(),
            newStart.ToClinicTime(), end.ToClinicTime(), booking.PatientEmail, booking.Sequence + 1), occurredAt);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        metrics.Rescheduled();
        LogRescheduled(logger, booking.Id, booking.Start, newStart);
        return await queries.ViewAsync(booking.Id, ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cancelled booking {BookingId} by {CancelledBy}; credit restored: {CreditRestored}")]
    private static partial void LogCancelled(ILogger logger, Guid bookingId, string cancelledBy, bool creditRestored);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rescheduled booking {BookingId} from {From} to {To}")]
    private static partial void LogRescheduled(ILogger logger, Guid bookingId, Instant from, Instant to);
}
