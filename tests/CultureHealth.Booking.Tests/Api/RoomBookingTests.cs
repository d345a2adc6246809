using System.Net;
using System.Net.Http.Json;
using CultureHealth.Booking.Domain;
using CultureHealth.Testing;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using static CultureHealth.Booking.Tests.Api.BookingServiceFixture;
using static CultureHealth.Booking.Tests.Api.RoomSetup;

namespace CultureHealth.Booking.Tests.Api;

/// <summary>A booking of a type that needs a room holds a room as well as its practitioner; neither is ever double-booked.</summary>
[Collection(BookingServiceCollection.Name)]
public sealed class RoomBookingTests(BookingServiceFixture fixture)
{
    private static LocalDate Day => Today.PlusDays(3);

    [Fact]
    public async Task Fifty_parallel_requests_for_the_last_room_make_exactly_one_booking()
    {
        // Two rooms, one already held: two free practitioners race for the last room, so only the room decides.
        var setup = await ArrangeAsync(fixture.Service, practitioners: 3, rooms: 2);
        using var first = fixture.Service.CreateClient();
        using var second = fixture.Replica.CreateClient();
        var start = At(Day, 10);
        var held = await BookAsPatientAsync(first, Request(setup.DiaryOf(0), start, "first@example.com"), "first@example.com");
        Assert.Contains(start, await StartsAsync(first, setup.DiaryOf(1), Day));
        Assert.Contains(start, await StartsAsync(first, setup.DiaryOf(2), Day));

        var statuses = await Task.WhenAll(Enumerable.Range(0, 50).Select(async i =>
        {
            using var response = await PostBookingAsync(i % 2 == 0 ? first : second,
                Request(setup.DiaryOf(1 + (i / 2 % 2)), start, $"racer{i}@example.com"));
            return response.StatusCode;
        }));

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(49, statuses.Count(s => s == HttpStatusCode.Conflict));
        await using var db = fixture.Service.OpenDb();
        var holds = await db.Bookings.AsNoTracking()
            .Where(b => b.AppointmentTypeId == setup.TypeId && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Confirmed))
            .Select(b => new { b.Id, b.RoomId, b.PractitionerId }).ToListAsync();
        Assert.Equal(2, holds.Count);
        Assert.Equal(setup.RoomIds.Order(), holds.Select(h => h.RoomId!.Value).Order());
        Assert.Equal(setup.RoomIds[0], holds.Single(h => h.Id == held.Booking.Id).RoomId);
        Assert.DoesNotContain(start, await StartsAsync(first, setup.DiaryOf(1), Day));
        Assert.DoesNotContain(start, await StartsAsync(first, setup.DiaryOf(2), Day));
    }

    [Fact]
    public async Task A_losing_request_for_the_last_room_gets_the_slot_taken_problem()
    {
        var setup = await ArrangeAsync(fixture.Service, practitioners: 2, rooms: 1);
        using var client = fixture.Service.CreateClient();
        var start = At(Day, 11);
        await BookAsPatientAsync(client, Request(setup.DiaryOf(0), start, "a@example.com"), "a@example.com");

        using var response = await PostBookingAsync(client, Request(setup.DiaryOf(1), start, "b@example.com"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("That slot was just taken", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Slot_lists_and_the_booking_check_agree_with_rooms_in_play()
    {
        // A random walk over a day: before each request the list is read again, and the request must succeed exactly
        // when the list offered that start. One room shared by two practitioners makes the room decide often.
        var setup = await ArrangeAsync(fixture.Service, practitioners: 2, rooms: 1, durationMinutes: 45, bufferAfterMinutes: 15);
        using var client = fixture.Service.CreateClient();
        var random = new Random(20261129);
        // Every start from 06:00 to 21:15 fits the practitioners' 06:00-22:00, so only bookings can refuse one.
        var grid = Enumerable.Range(0, 62).Select(i => At(Day, 6 + (i / 4), i % 4 * 15)).ToList();
        var (booked, refusedByRoom) = (0, 0);

        for (var step = 0; step < 40; step++)
        {
            var who = random.Next(2);
            var start = grid[random.Next(grid.Count)];
            var offered = (await StartsAsync(client, setup.DiaryOf(who), Day)).Contains(start);
            var email = $"walk{step}@example.com";

            using var response = await PostBookingAsync(client, Request(setup.DiaryOf(who), start, email), patientToken: TestPatients.TokenFor(email));

            Assert.True(offered == (response.StatusCode == HttpStatusCode.Created),
                $"step {step}: {start:HH:mm} for practitioner {who} was {(offered ? "" : "not ")}offered but booking answered {(int)response.StatusCode}");
            Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"step {step}: unexpected {(int)response.StatusCode}");
            booked += offered ? 1 : 0;
            refusedByRoom += !offered && await PractitionerIsFreeAsync(setup.PractitionerIds[who], start) ? 1 : 0;
        }

        Assert.True(booked >= 3, $"the walk booked only {booked} times");
        Assert.True(refusedByRoom >= 1, "the walk never met a time refused only because the room was taken");
        await AssertNoRoomOverlapsAsync(setup);
    }

    [Fact]
    public async Task Buffers_count_for_rooms()
    {
        // 60 minutes and 15 after: a booking at 10:00 holds the room until 11:15, for every practitioner.
        var setup = await ArrangeAsync(fixture.Service, practitioners: 2, rooms: 1, durationMinutes: 60, bufferAfterMinutes: 15);
        using var client = fixture.Service.CreateClient();
        await BookAsPatientAsync(client, Request(setup.DiaryOf(0), At(Day, 10), "a@example.com"), "a@example.com");

        var others = await StartsAsync(client, setup.DiaryOf(1), Day);

        Assert.Contains(At(Day, 8, 45), others);       // 08:45-09:45, its buffer to 10:00: touches, does not overlap
        Assert.DoesNotContain(At(Day, 9), others);     // its own buffer would run to 10:15
        Assert.DoesNotContain(At(Day, 11), others);    // the first booking's buffer runs to 11:15
        Assert.Contains(At(Day, 11, 15), others);
        using var clash = await PostBookingAsync(client, Request(setup.DiaryOf(1), At(Day, 11), "b@example.com"));
        Assert.Equal(HttpStatusCode.Conflict, clash.StatusCode);
    }

    [Fact]
    public async Task The_database_refuses_overlapping_bookings_in_one_room_even_for_different_practitioners()
    {
        var setup = await ArrangeAsync(fixture.Service, practitioners: 2, rooms: 1);
        using var client = fixture.Service.CreateClient();
        await BookAsPatientAsync(client, Request(setup.DiaryOf(0), At(Day, 14), "a@example.com"), "a@example.com");

        await using var db = fixture.Service.OpenDb();
        // Starts inside the first booking's buffer (15:00-15:15): only the room is shared, and only the buffer overlaps.
        var later = Instant.FromDateTimeOffset(At(Day, 15, 5));
        db.Bookings.Add(new Data.PatientBooking
        {
            Id = Guid.NewGuid(), PractitionerId = setup.PractitionerIds[1], AppointmentTypeId = setup.TypeId, RoomId = setup.RoomIds[0],
            Status = BookingStatus.Confirmed, Start = later, End = later + Duration.FromHours(1), Footprint = new Interval(later, later + Duration.FromMinutes(75)),
            PatientName = "Direct", PatientEmail = "direct@example.com", ManageTokenHash = new string('0', 64),
        });

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        Assert.Equal("23P01", Assert.IsType<Npgsql.PostgresException>(error.InnerException).SqlState);
    }

    [Fact]
    public async Task Rescheduling_moves_the_room_hold_with_the_booking()
    {
        var setup = await ArrangeAsync(fixture.Service, practitioners: 2, rooms: 1);
        using var client = fixture.Service.CreateClient();
        var (from, to) = (At(Day, 9), At(Day, 16));
        var mine = await BookAsPatientAsync(client, Request(setup.DiaryOf(0), from, "mover@example.com"), "mover@example.com");
        Assert.DoesNotContain(from, await StartsAsync(client, setup.DiaryOf(1), Day));

        using var moved = await client.PostAsJsonAsync($"/api/booking/bookings/{mine.Booking.Id}/reschedule?token={mine.ManageToken}",
            new { start = to.ToString("O", System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var others = await StartsAsync(client, setup.DiaryOf(1), Day);
        Assert.Contains(from, others);
        Assert.DoesNotContain(to, others);
        Assert.Equal(setup.RoomIds[0], await RoomOfAsync(fixture.Service, mine.Booking.Id));
        await BookAsPatientAsync(client, Request(setup.DiaryOf(1), from, "takes.old.room@example.com"), "takes.old.room@example.com");
    }

    [Fact]
    public async Task Types_without_a_room_book_as_before_and_hold_none()
    {
        var diary = await fixture.ArrangeDiaryAsync();
        using var client = fixture.Service.CreateClient();
        var start = await SlotAfterAsync(client, diary, Duration.FromDays(2));

        var booked = await BookAsPatientAsync(client, Request(diary, start, "plain@example.com"), "plain@example.com");

        Assert.Null(await RoomOfAsync(fixture.Service, booked.Booking.Id));
    }

    private async Task<bool> PractitionerIsFreeAsync(Guid practitionerId, DateTimeOffset start)
    {
        await using var db = fixture.Service.OpenDb();
        var at = Instant.FromDateTimeOffset(start);
        var footprint = new Interval(at, at + Duration.FromMinutes(60));
        var held = await db.Bookings.AsNoTracking()
            .Where(b => b.PractitionerId == practitionerId && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Confirmed))
            .Select(b => b.Footprint).ToListAsync();
        return !held.Any(h => h.Start < footprint.End && footprint.Start < h.End);
    }

    private async Task AssertNoRoomOverlapsAsync(RoomSetup setup)
    {
        await using var db = fixture.Service.OpenDb();
        var holds = await db.Bookings.AsNoTracking()
            .Where(b => b.AppointmentTypeId == setup.TypeId && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Confirmed))
            .Select(b => new { b.Id, b.RoomId, b.Footprint }).ToListAsync();
        Assert.All(holds, h => Assert.NotNull(h.RoomId));
        Assert.DoesNotContain(holds, a => holds.Any(b => a.Id != b.Id && a.RoomId == b.RoomId
            && a.Footprint.Start < b.Footprint.End && b.Footprint.Start < a.Footprint.End));
    }
}
