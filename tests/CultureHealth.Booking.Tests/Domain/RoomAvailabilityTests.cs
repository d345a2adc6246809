using CultureHealth.Booking.Domain;
using NodaTime;
using Xunit;
using static CultureHealth.Booking.Tests.Domain.ClinicTestData;

namespace CultureHealth.Booking.Tests.Domain;

/// <summary>The room rule inside the one availability function: slot lists and the booking check stay one rule.</summary>
public class RoomAvailabilityTests
{
    private static readonly LocalDate Monday = new(2026, 6, 15);
    private static readonly Instant LongBefore = Utc(2026, 6, 1, 8, 0);
    private static readonly AppointmentType NeedsRoom = new(60, 0, 15, 6500, CreditsCanPay: true, RoomKind: "treatment-room");
    private static readonly Guid RoomA = Guid.NewGuid();
    private static readonly Guid RoomB = Guid.NewGuid();

    private static RoomDiary Room(Guid id, IReadOnlyList<Interval>? busy = null, params LocalDate[] closed) =>
        new(id, id == RoomA ? "A" : "B", busy ?? [], closed.ToHashSet());

    private static AvailabilityContext WithRooms(params RoomDiary[] rooms) =>
        Context(type: NeedsRoom) with { Rooms = new RoomPool("treatment-room", rooms) };

    [Fact]
    public void A_slot_needs_a_free_room_for_its_whole_footprint_buffers_included()
    {
        // Room A is held 10:00-11:15 (an hour and its quarter-hour buffer) by another practitioner's booking.
        var held = Between(London(2026, 6, 15, 10, 0), London(2026, 6, 15, 11, 15));
        var context = WithRooms(Room(RoomA, [held]));

        var starts = LocalStartTimes(AvailabilityCalculator.FreeSlots(context, LongBefore, Monday, Monday));

        // 09:00 would run with its buffer to 10:15, into the room's hold; 11:15 is the first start after it.
        Assert.Equal(Concat(Times("11:15", "12:00"), Times("14:00", "17:00")), starts);
        Assert.Equal(SlotRejectionReason.NoRoomFree,
            AvailabilityCalculator.IsBookable(context, LongBefore, London(2026, 6, 15, 11, 0)).Rejection);
    }

    [Fact]
    public void A_second_room_of_the_kind_keeps_the_slot_and_is_the_one_handed_out()
    {
        var held = Between(London(2026, 6, 15, 10, 0), London(2026, 6, 15, 11, 15));
        var pool = new RoomPool("treatment-room", [Room(RoomA, [held]), Room(RoomB)]);
        var start = London(2026, 6, 15, 10, 0);

        Assert.True(AvailabilityCalculator.IsBookable(Context(type: NeedsRoom) with { Rooms = pool }, LongBefore, start).IsBookable);
        Assert.Equal(RoomB, pool.FirstFreeRoom(Monday, NeedsRoom.FootprintAt(start)));
        Assert.Equal(RoomA, pool.FirstFreeRoom(Monday, NeedsRoom.FootprintAt(London(2026, 6, 15, 14, 0))));
        Assert.Equal(RoomB, pool.FirstFreeRoom(Monday, NeedsRoom.FootprintAt(London(2026, 6, 15, 14, 0)), preferred: RoomB));
    }

    [Fact]
    public void A_day_with_every_room_closed_offers_nothing_and_says_why()
    {
        var context = WithRooms(Room(RoomA, closed: Monday), Room(RoomB, closed: Monday));

        Assert.Empty(AvailabilityCalculator.FreeSlots(context, LongBefore, Monday, Monday));
        Assert.NotEmpty(AvailabilityCalculator.FreeSlots(context, LongBefore, Monday.PlusDays(1), Monday.PlusDays(1)));
        Assert.Equal(SlotRejectionReason.RoomsClosed,
            AvailabilityCalculator.IsBookable(context, LongBefore, London(2026, 6, 15, 10, 0)).Rejection);
    }

    [Fact]
    public void Every_listed_start_is_bookable_and_every_other_grid_start_is_not()
    {
        var random = new Random(17);
        for (var round = 0; round < 50; round++)
        {
            var busy = Enumerable.Range(0, random.Next(0, 6))
                .Select(_ => London(2026, 6, 15, 9 + random.Next(0, 8), random.Next(0, 4) * 15))
                .Select(start => NeedsRoom.FootprintAt(start)).ToList();
            var closed = random.Next(10) == 0 ? new[] { Monday } : [];
            var context = WithRooms(Room(RoomA, [.. busy.Where((_, i) => i % 2 == 0)], closed), Room(RoomB, [.. busy.Where((_, i) => i % 2 == 1)]));
            var pool = context.Rooms!;

            var listed = AvailabilityCalculator.FreeSlots(context, LongBefore, Monday, Monday).Select(s => s.StartInstant).ToHashSet();
            for (var minute = 8 * 60; minute < 19 * 60; minute += 15)
            {
                var start = London(2026, 6, 15, minute / 60, minute % 60);
                Assert.Equal(listed.Contains(start), AvailabilityCalculator.IsBookable(context, LongBefore, start).IsBookable);
                if (listed.Contains(start))
                {
                    // What the creation path will store: a listed start always has a room to hand out.
                    Assert.NotNull(pool.FirstFreeRoom(Monday, NeedsRoom.FootprintAt(start)));
                }
            }
        }
    }
}
