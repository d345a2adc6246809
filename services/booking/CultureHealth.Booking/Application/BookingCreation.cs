using CultureHealth.Booking.Data;
using CultureHealth.Booking.Domain;
using CultureHealth.Booking.Telemetry;
using CultureHealth.Calendar;
using CultureHealth.Messaging.Data;
using CultureHealth.Messaging.Idempotency;
using CultureHealth.ServiceDefaults.Problems;
using CultureHealth.ServiceDefaults.Secrets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CultureHealth.Booking.Application;

/// <summary>
/// Making a booking: the one creation path (the website, reception and waitlist offers all come here). Invariants
/// are left to PostgreSQL (the practitioner and room exclusion constraints, the conditional credit update); the
/// checks before them only turn likely failures into clear problems.
/// </summary>
public sealed partial class BookingCreation(
    BookingDbContext db,
    DiaryReader diary,
    DiaryWriteLock diaryLock,
    IdempotencyStore idempotency,
    PendingHolds holds,
    RoomAllocation rooms,
    IOptions<BookingOptions> options,
    TimeProvider clock,
    BookingMetrics metrics,
    EventSecrets secrets,
    ILogger<BookingCreation> logger)
{
    private BookingOptions Options => options.Value;

    /// <summary>
    /// Books the slot, or answers a repeat of <paramref name="idempotent"/> with the booking (and manage token) its
    /// first attempt made: never with "that slot was just taken" about the very booking it asked for.
    /// <paramref name="admission"/> says whether the booking is final now or pending the emailed link (see BookingRequests).
    /// </summary>
    public async Task<BookingCreated> CreateAsync(NewBooking request, IdempotentRequest idempotent, BookingAdmission admission, CancellationToken ct)
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
        var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        // A waitlist offer being taken holds this very slot: the diary is read without it (it is the requester's).
        var context = await diary.ContextAsync(practitioner.Id, rule, ClinicTimeZone.DateOf(request.Start), admission.OfferId, ct);
        if (AvailabilityCalculator.IsBookable(context, now, request.Start).Rejection is { } rejection)
        {
            // The booking in the way may be this request's own, made by a copy on another replica since the look above.
            return await idempotency.FindReplayAsync<BookingCreated>(db, idempotent, ct) ?? throw BookingProblems.SlotRejected(rejection, Options);
        }

        var token = SecretToken.Generate();
        try
        {
            using var diaryTurn = await diaryLock.EnterAsync(practitioner.Id, ct);
            if (await diary.IsTakenAsync(practitioner.Id, rule.FootprintAt(request.Start), admission.OfferId, ct))
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

            var booking = await InsertAsync(request, admission, type, practitioner, rule, token, now, ct);
            var created = new BookingCreated(booking.ToDto(practitioner.Name, type.Name, Options.CancellationPolicy), token.Value);
            await idempotency.CompleteAsync(db, idempotent, created, ct);
            await tx.CommitAsync(ct);
            if (booking.Status == BookingStatus.Confirmed)
            {
                metrics.Confirmed(booking.PaidBy);
            }
            else
            {
                metrics.Held();
            }

            LogBooked(logger, booking.Id, practitioner.Id, request.Start);
            return created;
        }
        catch (DbUpdateException e) when (PostgresErrors.IsExclusionViolation(e))
        {
            BookingLog.SlotTaken(logger, practitioner.Id, request.Start);
            throw BookingProblems.SlotTaken();
        }
        catch (Exception e) when (PostgresErrors.IsLockContention(e))
        {
            BookingLog.DiaryBusy(logger, practitioner.Id, request.Start);
            throw BookingProblems.DiaryBusy();
        }
    }

    /// <summary>
    /// Writes the booking and its event in the caller's transaction, under the practitioner's advisory lock and, when the
    /// type needs a room, its room kind's (see <see cref="RoomAllocation"/>).
    /// </summary>
    private async Task<PatientBooking> InsertAsync(
        NewBooking request, BookingAdmission admission, AppointmentTypeDefinition type, Practitioner practitioner, AppointmentType rule,
        SecretToken token, Instant now, CancellationToken ct)
    {
        await diaryLock.LockInTransactionAsync(db, practitioner.Id, ct);
        // Taking a waitlist offer books the room the offer held (or, should it not be free, the first free one).
        var roomId = await rooms.AllocateAsync(rule, request.Start, ownHoldId: admission.OfferId, preferredRoomId: admission.OfferRoomId, Options, ct);
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
            RoomId = roomId,
            Status = admission.Status,
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
        if (admission.Status == BookingStatus.Pending)
        {
            await holds.HoldAsync(booking, practitioner.Name, type.Name, token.Value, admission.ClientAddress!, now, ct);
        }
        else
        {
            db.PublishOnCommit(BookingAnnouncements.Confirmed(booking, practitioner.Name, type.Name, token.Value, secrets, now), now.ToDateTimeOffset());
        }

        await db.SaveChangesAsync(ct);
        // Waitlist offers hold slots outside the bookings table: checked (and one claimed) under the same diary lock.
        await WaitlistHolds.ClaimOrGuardAsync(db, practitioner.Id, booking.Footprint, admission.OfferId, booking.Id, now, ct);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Booked {BookingId} with practitioner {PractitionerId} at {Start}")]
    private static partial void LogBooked(ILogger logger, Guid bookingId, Guid practitionerId, Instant start);
}
