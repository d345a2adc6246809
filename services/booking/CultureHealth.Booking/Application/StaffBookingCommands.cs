using System.Security.Claims;
using CultureHealth.Booking.Data;
using CultureHealth.Booking.Domain;
using CultureHealth.Booking.Telemetry;
using CultureHealth.Calendar;
using CultureHealth.Contracts;
using CultureHealth.Messaging.Data;
using CultureHealth.ServiceDefaults.Problems;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CultureHealth.Booking.Application;

/// <summary>What only staff do to a booking: record how it went.</summary>
public sealed class StaffBookingCommands(BookingDbContext db, BookingQueries bookings, TimeProvider clock, BookingMetrics metrics)
{
    /// <summary>The booking, if it exists and belongs to a diary this member of staff may run.</summary>
    public async Task<PatientBooking> RequireAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var booking = await db.Bookings.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct)
            ?? throw ProblemException.NotFound("The booking");
        DiaryAccess.Require(user, booking.PractitionerId);
        return booking;
    }

    public async Task<BookingDto> RecordOutcomeAsync(Guid id, BookingStatus outcome, ClaimsPrincipal user, CancellationToken ct)
    {
        var booking = await RequireAsync(id, user, ct);
        var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        if (!booking.Status.CanTransitionTo(outcome))
        {
            throw BookingProblems.NotConfirmed();
        }

        if (!AttendanceRules.CanRecordOutcome(booking.Start, now))
        {
            throw BookingProblems.NotStartedYet();
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var changed = await db.Bookings
            .Where(b => b.Id == id && b.Status == BookingStatus.Confirmed)
            .ExecuteUpdateAsync(s => s
                .SetProperty(b => b.Status, outcome)
                .SetProperty(b => b.Sequence, b => b.Sequence + 1)
                .SetProperty(b => b.UpdatedAt, now), ct);
        if (changed == 0)
        {
            throw BookingProblems.NotConfirmed();
        }

        if (outcome == BookingStatus.NoShow)
        {
            var occurredAt = now.ToDateTimeOffset();
            db.PublishOnCommit(new BookingNoShow(
                Guid.NewGuid(), occurredAt, id, booking.PractitionerId, booking.Start.ToClinicTime(), booking.PatientEmail), occurredAt);
            await db.SaveChangesAsync(ct);
        }

        await tx.CommitAsync(ct);
        if (outcome == BookingStatus.NoShow)
        {
            metrics.NoShow();
        }

        return await bookings.ViewAsync(id, ct);
    }
}
