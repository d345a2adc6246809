using NodaTime;

namespace CultureHealth.Booking.Domain;

/// <summary>One room of the kind an appointment type needs: its holds (footprints, buffers included) and the days it is closed.</summary>
public sealed record RoomDiary(Guid RoomId, string Name, IReadOnlyList<Interval> Busy, IReadOnlySet<LocalDate> ClosedDates)
{
    public bool IsFreeFor(LocalDate date, Interval footprint) =>
        !ClosedDates.Contains(date) && !Busy.Any(busy => busy.Overlaps(footprint));
}

/// <summary>
/// The rooms of one kind, in the order they are handed out. The single rule for "is a room free for this
/// footprint, and which one": availability asks <see cref="FirstFreeRoom"/> whether a slot has a room, and the
/// creation and reschedule paths ask the very same method, under the kind's lock, which room to store.
/// </summary>
public sealed record RoomPool(string Kind, IReadOnlyList<RoomDiary> Rooms)
{
    /// <summary>
    /// The room a booking at <paramref name="footprint"/> on clinic date <paramref name="date"/> gets: the
    /// <paramref name="preferred"/> room when it is free (a moved booking keeps its room if it can), otherwise
    /// the first free room in order; null when every room is closed or busy.
    /// </summary>
    public Guid? FirstFreeRoom(LocalDate date, Interval footprint, Guid? preferred = null)
    {
        if (preferred is { } keep && Rooms.FirstOrDefault(r => r.RoomId == keep) is { } current && current.IsFreeFor(date, footprint))
        {
            return keep;
        }

        return Rooms.FirstOrDefault(r => r.IsFreeFor(date, footprint))?.RoomId;
    }

    /// <summary>Why no room can be had for the footprint, or null when one can.</summary>
    public SlotRejectionReason? RejectionFor(LocalDate date, Interval footprint)
    {
        if (FirstFreeRoom(date, footprint) is not null)
        {
            return null;
        }

        return Rooms.All(r => r.ClosedDates.Contains(date)) ? SlotRejectionReason.RoomsClosed : SlotRejectionReason.NoRoomFree;
    }

    /// <summary>
    /// Where each of <paramref name="holds"/> (bookings in the room being closed on <paramref name="date"/>, in start
    /// order) can go at the same time once that room is closed: the first free other room, each placed hold counting
    /// against the next. A null destination means that booking fits in no other room.
    /// </summary>
    public IReadOnlyList<Guid?> Relocate(Guid closingRoomId, LocalDate date, IReadOnlyList<Interval> holds)
    {
        var others = Rooms.Where(r => r.RoomId != closingRoomId).Select(r => (Room: r, Placed: new List<Interval>())).ToList();
        var destinations = new List<Guid?>();
        foreach (var hold in holds)
        {
            var target = others.FindIndex(o => o.Room.IsFreeFor(date, hold) && !o.Placed.Any(p => p.Overlaps(hold)));
            if (target < 0)
            {
                destinations.Add(null);
                continue;
            }

            others[target].Placed.Add(hold);
            destinations.Add(others[target].Room.RoomId);
        }

        return destinations;
    }
}
