using System.Security.Cryptography;
using System.Text;
using CultureHealth.Booking.Data;
using CultureHealth.Booking.Domain;
using CultureHealth.Calendar;
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
    /// <paramref name="ownHoldId"/> is a hold the booking replaces and so does not count against it: the booking being
    /// moved, or the waitlist offer being taken (whose room is then the <paramref name="preferredRoomId"/>).
    /// </summary>
    public async Task<Guid?> AllocateAsync(AppointmentType type, Instant start, Guid? ownHoldId, Guid? preferredRoomId, BookingOptions options, CancellationToken ct)
    {
        if (type.RoomKind is not { } kind)
        {
            return null;
        }

        var date = ClinicTimeZone.DateOf(start);
        var pool = await LockedPoolAsync(kind, date, ownHoldId, ct);
        var footprint = type.FootprintAt(start);
        return pool.FirstFreeRoom(date, footprint, preferredRoomId)
            ?? throw BookingProblems.SlotRejected(pool.RejectionFor(date, footprint) ?? SlotRejectionReason.NoRoomFree, options);
    }

    /// <summary>
    /// The room a waitlist offer of <paramref name="type"/> at <paramref name="start"/> holds, or null when no room of the
    /// kind is free (then the slot is not offered). Only for a type that needs a room. In the caller's transaction, after
    /// the practitioner's lock; the kind's lock taken here is held to commit, so the offer row is the room's hold.
    /// </summary>
    public async Task<Guid?> RoomForOfferAsync(AppointmentType type, Instant start, CancellationToken ct)
    {
        var kind = type.RoomKind ?? throw new ArgumentException("The appointment type needs no room.", nameof(type));
        var date = ClinicTimeZone.DateOf(start);
        var pool = await LockedPoolAsync(kind, date, null, ct);
        return pool.FirstFreeRoom(date, type.FootprintAt(start));
    }

    /// <summary>
    /// Takes the locks of several room kinds at once (the matcher offers one freed span to entries of several types), in key
    /// order, so two writers that each hold several kinds never wait on each other in a circle. After the practitioner's lock.
    /// </summary>
    public async Task LockKindsAsync(IEnumerable<string> kinds, CancellationToken ct)
    {
        foreach (var key in kinds.Select(LockKeyOf).Distinct().Order())
        {
            await db.LockForTransactionAsync(key, ct);
        }
    }

    private async Task<RoomPool> LockedPoolAsync(string kind, LocalDate date, Guid? ownHoldId, CancellationToken ct)
    {
        await db.LockForTransactionAsync(LockKeyOf(kind), ct);
        return await diary.RoomPoolAsync(kind, date, date, ownHoldId, ct);
    }

    /// <summary>A stable advisory lock key per room kind (the same in every replica), apart from the practitioners' id-based keys by its prefix.</summary>
    public static long LockKeyOf(string kind) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("culturehealth.booking.room-kind:" + kind)).AsSpan(0, 8));
}
