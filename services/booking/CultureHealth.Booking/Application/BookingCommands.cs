using CultureHealth.Booking.Api;
using CultureHealth.Booking.Data;
using CultureHealth.Booking.Domain;
using CultureHealth.Booking.Telemetry;
using CultureHealth.Contracts;
using CultureHealth.Messaging.Data;
using CultureHealth.Messaging.Idempotency;
using CultureHealth.ServiceDefaults.Problems;
using CultureHealth.ServiceDefaults.Secrets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CultureHealth.Booking.Application;

/// <summary>
/// Everything that changes a booking. Invariants are left to PostgreSQL (the exclusion constraint, the
/// conditional credit and status updates); the checks before them only turn likely failures into clear problems.
/// </summary>
public sealed partial class BookingCommands(
    BookingDbContext db,
    DiaryReader diary,
    DiaryWriteLock diaryLock,
    IdempotencyStore idempotency,
    IOptions<BookingOptions> options,
    TimeProvider clock,
    BookingMetrics metrics,
    EventSecrets secrets,
    ILogger<BookingCommands> logger)
{
    private BookingOptions Options => options.Value;

    private Instant Now => Instant.FromDateTimeOffset(clock.GetUtcNow());

    /// <summary>
    /// Books the slot, or answers a repeat of <paramref name="idempotent"/> with the booking (and manage token) its
    /// first attempt made: never with "that slot was just taken" about the very booking it asked for.
    /// </summary>
    public async Task<BookingCreated> CreateAsync(NewBooking request, IdempotentRequest idempotent, CancellationToken ct)
    {
        // Copies in this process wait here (holding no connection and no place in the diary's queue), then replay.
        using var turn = await idempotency.WaitForTurnAsync(idempotent, ct);
        if (await idempotency.FindReplayAsync<BookingCreated>(db, idempotent, ct) is { } replay)
        {
            return replay;
        }

        var type = await db.AppointmentTypes.AsNoTracking()
            .FirstOrDefaultAsync(t => t.Id == request.AppointmentTypeId && t.Active, ct)
            ?? throw ProblemException.Unprocessable("appointmentTypeId", "No bookable appointment type has this id.");
        var practitioner = await db.Practitioners.AsNoTracking()
            .FirstOrDefaultAsync(p => p.Id == request.PractitionerId && p.Active
                && db.Offerings.Any(o => o.PractitionerId == p.Id && o.AppointmentTypeId == type.Id), ct)
            ?? throw ProblemException.Unprocessable("practitionerId", "No active practitioner with this id offers this appointment type.");
        if (request.UseCredit && !type.CreditsCanPay)
        {
            throw ProblemException.Unprocessable("useCredit", "This appointment type cannot be paid for with a session credit.");
        }

        var rule = type.ToRule();
        var now = Now;
        var context = await diary.ContextAsync(practitioner.Id, rule, ClinicCalendar.LocalDateOf(request.Start), null, ct);
        if (AvailabilityCalculator.IsBookable(context, now, request.Start).Rejection is { } rejection)
        {
            // The booking in the way may be this request's own, made by a copy on another replica since the look above.
            return await idempotency.FindReplayAsync<BookingCreated>(db, idempotent, ct) ?? throw BookingProblems.SlotRejected(rejection, Options);
        }

        var token = SecretToken.Generate();
        try
        {
            using var diaryTurn = await diaryLock.EnterAsync(practitioner.Id, ct);
            if (await diary.IsTakenAsync(practitioner.Id, rule.FootprintAt(request.Start), null, ct))
            {
                return await idempotency.FindReplayAsync<BookingCreated>(db, idempotent, ct) ?? throw BookingProblems.SlotTaken();
            }

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // A copy on another replica that claimed first makes this wait for its commit, then replays its booking;
            // once claimed here, any booking in the way is someone else's.
            if (await idempotency.ClaimAsync<BookingCreated>(db, idempotent, ct) is { } replayed)
            {
                return replayed;
            }

            var booking = await InsertAsync(request, type, practitioner, rule, token, now, ct);
            var created = new BookingCreated(booking.ToDto(practitioner.Name, type.Name, Options.CancellationPolicy), token.Value);
            await idempotency.CompleteAsync(db, idempotent, created, ct);
            await tx.CommitAsync(ct);
            metrics.Confirmed(booking.PaidBy);
            LogBooked(logger, booking.Id, practitioner.Id, request.Start);
            return created;
        }
        catch (DbUpdateException e) when (BookingProblems.IsSlotTaken(e))
        {
            LogSlotTaken(logger, practitioner.Id, request.Start);
            throw BookingProblems.SlotTaken();
        }
        catch (Exception e) when (BookingProblems.IsLockContention(e))
        {
            LogDiaryBusy(logger, practitioner.Id, request.Start);
            throw BookingProblems.DiaryBusy();
        }
    }

    /// <summary>Writes the booking and its event in the caller's transaction, under the practitioner's advisory lock.</summary>
    private async Task<PatientBooking> InsertAsync(
        NewBooking request, AppointmentTypeDefinition type, Practitioner practitioner, AppointmentType rule, SecretToken token, Instant now,
        CancellationToken ct)
    {
        await diaryLock.LockInTransactionAsync(db, practitioner.Id, ct);
        Guid? creditGrantId = null;
        if (request.UseCredit)
        {
            creditGrantId = await ConsumeCreditAsync(request.PatientEmail, type.Code, ct) ?? throw BookingProblems.NoCredit();
        }

        var booking = new PatientBooking
        {
            Id = Guid.CreateVersion7(),
            PractitionerId = practitioner.Id,
            AppointmentTypeId = type.Id,
            Status = BookingStatus.Confirmed,
            Start = request.Start,
            End = request.Start + rule.Duration,
            Footprint = rule.FootprintAt(request.Start),
            PricePence = type.PricePence,
            PaidBy = creditGrantId is null ? PaymentMethods.Clinic : PaymentMethods.Credit,
            CreditGrantId = creditGrantId,
            PatientName = request.PatientName,
            PatientEmail = request.PatientEmail,
            PatientPhone = request.PatientPhone,
            Notes = request.Notes,
            ManageTokenHash = token.Hash,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Bookings.Add(booking);
        var occurredAt = now.ToDateTimeOffset();
        db.PublishOnCommit(new BookingConfirmed(
            Guid.NewGuid(), occurredAt, booking.Id, practitioner.Id, practitioner.Name, type.Id, type.Name,
            booking.Start.ToClinicTime(), booking.End.ToClinicTime(), booking.PatientName, booking.PatientEmail,
            booking.PricePence, booking.PaidBy, booking.Sequence, secrets.Seal(token.Value)), occurredAt);
        await db.SaveChangesAsync(ct);
        return booking;
    }

    /// <summary>Takes one credit in the caller's transaction; the conditional update cannot take a credit twice.</summary>
    private async Task<Guid?> ConsumeCreditAsync(string email, string appointmentTypeCode, CancellationToken ct)
    {
        var normalized = email.ToLowerInvariant();
        var taken = await db.Database.SqlQuery<Guid>($"""
            UPDATE session_credit_grants SET remaining = remaining - 1
            WHERE id = (
                SELECT id FROM session_credit_grants
                WHERE customer_email = {normalized} AND appointment_type_code = {appointmentTypeCode}
                  AND remaining > 0 AND revoked_at IS NULL
                ORDER BY granted_at, id
                LIMIT 1
                FOR UPDATE)
              AND remaining > 0
            RETURNING id AS "Value"
            """).ToListAsync(ct);
        return taken.Count == 0 ? null : taken[0];
    }

    /// <summary>The booking if <paramref name="token"/> is its manage token; otherwise 404, so ids reveal nothing.</summary>
    public async Task<BookingDto> ViewForPatientAsync(Guid id, string? token, CancellationToken ct)
    {
        await RequirePatientAsync(id, token, ct);
        return await ViewAsync(id, ct);
    }

    public async Task<BookingDto> ViewAsync(Guid id, CancellationToken ct)
    {
        var row = await (
            from b in db.Bookings.AsNoTracking()
            join p in db.Practitioners on b.PractitionerId equals p.Id
            join t in db.AppointmentTypes on b.AppointmentTypeId equals t.Id
            where b.Id == id
            select new { Booking = b, PractitionerName = p.Name, TypeName = t.Name }).FirstOrDefaultAsync(ct)
            ?? throw ProblemException.NotFound("The booking");
        return row.Booking.ToDto(row.PractitionerName, row.TypeName, Options.CancellationPolicy);
    }

    public async Task<PatientBooking> RequirePatientAsync(Guid id, string? token, CancellationToken ct)
    {
        var booking = await db.Bookings.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct);
        return booking is not null && SecretToken.Verify(token, booking.ManageTokenHash)
            ? booking
            : throw ProblemException.NotFound("The booking");
    }

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
        var cancelledBy = requester == CancellationRequester.Staff ? "staff" : "patient";
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
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        metrics.Cancelled(cancelledBy);
        LogCancelled(logger, booking.Id, cancelledBy, restored);
        return await ViewAsync(booking.Id, ct);
    }

    /// <summary>
    /// Moves a booking in one UPDATE of its row: the exclusion constraint checks the new footprint against
    /// everyone else's, and if it fails nothing changes, so the old slot is never given up for nothing.
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
        var context = await diary.ContextAsync(booking.PractitionerId, rule, ClinicCalendar.LocalDateOf(newStart), booking.Id, ct);
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
            changed = await db.Bookings
                .Where(b => b.Id == booking.Id && b.Status == BookingStatus.Confirmed && b.Sequence == booking.Sequence)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(b => b.Start, newStart)
                    .SetProperty(b => b.End, end)
                    .SetProperty(b => b.Footprint, footprint)
                    .SetProperty(b => b.Sequence, b => b.Sequence + 1)
                    .SetProperty(b => b.UpdatedAt, now), ct);
        }
        catch (Exception e) when (BookingProblems.IsSlotTaken(e))
        {
            LogSlotTaken(logger, booking.PractitionerId, newStart);
            throw BookingProblems.SlotTaken();
        }
        catch (Exception e) when (BookingProblems.IsLockContention(e))
        {
            LogDiaryBusy(logger, booking.PractitionerId, newStart);
            throw BookingProblems.DiaryBusy();
        }

        if (changed == 0)
        {
            throw new ProblemException(StatusCodes.Status409Conflict, "The booking changed meanwhile",
                "The booking was changed by another request; reload it and try again.");
        }

        var occurredAt = now.ToDateTimeOffset();
        db.PublishOnCommit(new BookingRescheduled(
            Guid.NewGuid(), occurredAt, booking.Id, booking.PractitionerId, booking.Start.ToClinicTime(),
            newStart.ToClinicTime(), end.ToClinicTime(), booking.PatientEmail, booking.Sequence + 1), occurredAt);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        metrics.Rescheduled();
        LogRescheduled(logger, booking.Id, booking.Start, newStart);
        return await ViewAsync(booking.Id, ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Booked {BookingId} with practitioner {PractitionerId} at {Start}")]
    private static partial void LogBooked(ILogger logger, Guid bookingId, Guid practitionerId, Instant start);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slot at {Start} with practitioner {PractitionerId} was taken by a concurrent booking")]
    private static partial void LogSlotTaken(ILogger logger, Guid practitionerId, Instant start);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gave up waiting for practitioner {PractitionerId}'s diary to book {Start}")]
    private static partial void LogDiaryBusy(ILogger logger, Guid practitionerId, Instant start);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cancelled booking {BookingId} by {CancelledBy}; credit restored: {CreditRestored}")]
    private static partial void LogCancelled(ILogger logger, Guid bookingId, string cancelledBy, bool creditRestored);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rescheduled booking {BookingId} from {From} to {To}")]
    private static partial void LogRescheduled(ILogger logger, Guid bookingId, Instant from, Instant to);
}
