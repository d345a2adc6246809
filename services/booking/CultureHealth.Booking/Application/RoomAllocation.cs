using System.Security.Cryptography;
using System.Text;
using CultureHealth.Booking.Data;
using CultureHealth.Booking.Domain;
using CultureHealth.Messaging.Data;
using NodaTime;

namespace CultureHealth.Booking.Application;

/// <summary>
/// Chooses the room a booking holds, inside the caller's transaction. Rooms are shared by every practitioner, so
/// the practitioner's queue does not order writers to one room: the kind's advisory lock does (taken after the
/// practitioner's, always in that order). Under it the pool is read again and <see cref="RoomPool.FirstFreeRoom"/>,
/// the rule availability lists slots by, picks the room; the room exclusion constraint stays the guarantee.
/// </summary>
public sealed class RoomAllocation(BookingDbContext db, DiaryReader diary)
{
    /// <summary>
    /// The room for a booking of <paramref name="type"/> starting at <paramref name="start"/>, or null when the type needs none;
    /// a problem (409 as for a taken slot, 422 when every room of the kind is closed) when no room is free.
    /// </summary>
    public async Task<Guid?> AllocateAsync(AppointmentType type, Instant start, Guid? movingBookingId, Guid? preferredRoomId, BookingOptions options, CancellationToken ct)
    {
        if (type.RoomKind is not { } kind)
        {
            return null;
        }

        await db.LockForTransactionAsync(LockKeyOf(kind), ct);
        var date = ClinicCalendar.LocalDateOf(start);
        var pool = await diary.RoomPoolAsync(kind, date, date, movingBookingId, ct);
        var footprint = type.FootprintAt(start);
        return pool.FirstFreeRoom(date, footprint, preferredRoomId)
            ?? throw BookingProblems.SlotRejected(pool.RejectionFor(date, footprint) ?? SlotRejectionReason.NoRoomFree, options);
    }

    /// <summary>A stable advisory lock key per room kind (the same in every replica), apart from the practitioners' id-based keys by its prefix.</summary>
    public static long LockKeyOf(string kind) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("culturehealth.booking.room-kind:" + kind)).AsSpan(0, 8));
}
