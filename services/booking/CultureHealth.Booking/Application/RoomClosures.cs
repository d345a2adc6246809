using CultureHealth.Booking.Data;
using CultureHealth.Booking.Domain;
using CultureHealth.Calendar;
using CultureHealth.Messaging.Data;
using CultureHealth.ServiceDefaults.Problems;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CultureHealth.Booking.Application;

/// <summary>A booking in a room on a day: what closing the room moved, or could not move.</summary>
public sealed record RoomHoldDto(Guid BookingId, Guid PractitionerId, string PractitionerName, DateTimeOffset Start, DateTimeOffset End, Guid? MovedToRoomId);

public sealed record RoomClosureDto(Guid RoomId, string Date, string Reason, IReadOnlyList<RoomHoldDto> MovedBookings);

/// <summary>
/// Closing a room for a clinic day. Its bookings that day move, at the same time, to the first free other room of the
/// kind (the patient's appointment does not change, so nobody is told); if any booking fits in no other room, nothing
/// changes and the 409 lists those bookings for reception to move or cancel first. Runs under the kind's lock, so no
/// booking can take the room while it closes.
/// </summary>
public sealed partial class RoomClosures(
    BookingDbContext db, DiaryReader diary, DiaryWriteLock diaryLock, WorkingTimeOpenings openings, ILogger<RoomClosures> logger)
{
    public async Task<RoomClosureDto> CloseAsync(Guid roomId, LocalDate date, string reason, CancellationToken ct)
    {
        var room = await db.Rooms.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roomId, ct) ?? throw ProblemException.NotFound("The room");
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await diaryLock.BoundLockWaitsAsync(db, ct);
            await db.LockForTransactionAsync(RoomAllocation.LockKeyOf(room.Kind), ct);

            var dayStart = ClinicTimeZone.StartOfDay(date);
            var dayEnd = ClinicTimeZone.StartOfDay(date.PlusDays(1));
            var holds = await (
                from b in db.Bookings
                join p in db.Practitioners on b.PractitionerId equals p.Id
                where b.RoomId == roomId && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Confirmed)
                    && b.Start >= dayStart && b.Start < dayEnd
                orderby b.Start, b.Id
                select new { b.Id, b.PractitionerId, PractitionerName = p.Name, b.Start, b.End, b.Footprint }).ToListAsync(ct);
            var pool = await diary.RoomPoolAsync(room.Kind, date, date, null, ct);
            var destinations = pool.Relocate(roomId, date, [.. holds.Select(h => h.Footprint)]);
            var moves = holds.Select((h, i) => new RoomHoldDto(
                h.Id, h.PractitionerId, h.PractitionerName, h.Start.ToClinicTime(), h.End.ToClinicTime(), destinations[i])).ToList();
            if (moves.Any(m => m.MovedToRoomId is null))
            {
                throw BookingProblems.RoomHasBookings([.. moves.Where(m => m.MovedToRoomId is null)]);
            }

            foreach (var move in moves)
            {
                await db.Bookings.Where(b => b.Id == move.BookingId && b.RoomId == roomId)
                    .ExecuteUpdateAsync(s => s.SetProperty(b => b.RoomId, move.MovedToRoomId), ct);
            }

            var closure = await db.RoomClosures.FirstOrDefaultAsync(c => c.RoomId == roomId && c.Date == date, ct);
            if (closure is null)
            {
                db.RoomClosures.Add(closure = new RoomClosure { RoomId = roomId, Date = date });
            }

            closure.Reason = reason;
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            LogClosed(logger, roomId, date, moves.Count);
            return new RoomClosureDto(roomId, ClinicTimeText.Format(date), reason, moves);
        }
        catch (Exception e) when (PostgresErrors.IsLockContention(e))
        {
            throw BookingProblems.DiaryBusy();
        }
    }

    /// <summary>
    /// Opens the room on <paramref name="date"/> again. Whoever offers a type that needs a room of its kind may have had
    /// slots that day blocked for want of a room, so their working time that day is recorded for the waitlist in the same
    /// transaction (the matcher offers only slots that now have a free room).
    /// </summary>
    /// <returns>False when the room was not closed that day.</returns>
    public async Task<bool> ReopenAsync(Guid roomId, LocalDate date, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var reopened = await db.RoomClosures.Where(c => c.RoomId == roomId && c.Date == date).ExecuteDeleteAsync(ct) > 0;
        if (!reopened)
        {
            return false;
        }

        var kind = await db.Rooms.Where(r => r.Id == roomId).Select(r => r.Kind).SingleAsync(ct);
        var practitioners = await db.Practitioners.AsNoTracking()
            .Where(p => p.Active && db.Offerings.Any(o => o.PractitionerId == p.Id
                && db.AppointmentTypes.Any(t => t.Id == o.AppointmentTypeId && t.Active && t.RoomKind == kind)))
            .Select(p => p.Id).ToListAsync(ct);
        await openings.RecordGainedSinceAsync(openings.Nothing(practitioners, date), ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Closed room {RoomId} on {Date}; {Moved} bookings moved to other rooms")]
    private static partial void LogClosed(ILogger logger, Guid roomId, LocalDate date, int moved);
}
