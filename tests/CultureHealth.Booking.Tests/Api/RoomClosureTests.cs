using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CultureHealth.Booking.Application;
using CultureHealth.ServiceDefaults.Auth;
using CultureHealth.Testing;
using NodaTime;
using static CultureHealth.Booking.Tests.Api.BookingServiceFixture;
using static CultureHealth.Booking.Tests.Api.RoomSetup;

namespace CultureHealth.Booking.Tests.Api;

/// <summary>Staff close a room for a day: its slots go, its bookings move to another free room or the closure is refused.</summary>
[Collection(BookingServiceCollection.Name)]
public sealed class RoomClosureTests(BookingServiceFixture fixture)
{
    private static LocalDate Day => Today.PlusDays(4);

    [Fact]
    public async Task A_closed_room_removes_its_slots_that_day_and_reopening_brings_them_back()
    {
        var setup = await ArrangeAsync(fixture.Service, practitioners: 1, rooms: 1);
        using var client = fixture.Service.CreateClient();
        using var reception = fixture.Service.CreateClient(TestStaff.TokenFor(StaffRoles.Reception));
        var start = At(Day, 10);
        Assert.Contains(start, await StartsAsync(client, setup.DiaryOf(0), Day));

        using (var closed = await CloseAsync(reception, setup.RoomIds[0], Day))
        {
            Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        }

        Assert.Empty(await StartsAsync(client, setup.DiaryOf(0), Day));
        Assert.NotEmpty(await StartsAsync(client, setup.DiaryOf(0), Day.PlusDays(1)));
        using (var refused = await PostBookingAsync(client, Request(setup.DiaryOf(0), start)))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Contains("No room for this appointment is open that day", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var listed = (await RoomsAsync(reception)).Single(r => r.Id == setup.RoomIds[0]);
        Assert.Equal([$"{Day:yyyy-MM-dd}"], listed.Closures.Select(c => c.Date));

        using var reopened = await reception.DeleteAsync(new Uri($"/manage/booking/rooms/{setup.RoomIds[0]}/closures/{Day:yyyy-MM-dd}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NoContent, reopened.StatusCode);
        Assert.Contains(start, await StartsAsync(client, setup.DiaryOf(0), Day));
    }

    [Fact]
    public async Task Closing_a_room_moves_its_bookings_to_a_free_room_or_refuses_and_lists_them()
    {
        var setup = await ArrangeAsync(fixture.Service, practitioners: 2, rooms: 2);
        using var client = fixture.Service.CreateClient();
        using var reception = fixture.Service.CreateClient(TestStaff.TokenFor(StaffRoles.Reception));
        var start = At(Day, 11);
        var booked = await BookAsPatientAsync(client, Request(setup.DiaryOf(0), start, "moved@example.com"), "moved@example.com");
        Assert.Equal(setup.RoomIds[0], await RoomOfAsync(fixture.Service, booked.Booking.Id));

        // Room 2 is free at 11:00, so the booking moves there and room 1 closes.
        using (var closed = await CloseAsync(reception, setup.RoomIds[0], Day))
        {
            Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
            var closure = await closed.Content.ReadFromJsonAsync<RoomClosureDto>(Json);
            Assert.Equal(setup.RoomIds[1], Assert.Single(closure!.MovedBookings).MovedToRoomId);
        }

        Assert.Equal(setup.RoomIds[1], await RoomOfAsync(fixture.Service, booked.Booking.Id));
        Assert.DoesNotContain(start, await StartsAsync(client, setup.DiaryOf(1), Day));

        // Room 2 cannot close now: its booking fits nowhere else. Nothing changes, and the problem lists the booking.
        using var refused = await CloseAsync(reception, setup.RoomIds[1], Day);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        var stuck = Assert.Single(problem.RootElement.GetProperty("bookings").EnumerateArray());
        Assert.Equal(booked.Booking.Id, stuck.GetProperty("bookingId").GetGuid());
        Assert.Equal(setup.RoomIds[1], await RoomOfAsync(fixture.Service, booked.Booking.Id));
        Assert.Empty((await RoomsAsync(reception)).Single(r => r.Id == setup.RoomIds[1]).Closures);
        Assert.Contains(At(Day, 15), await StartsAsync(client, setup.DiaryOf(1), Day));
    }

    [Fact]
    public async Task Only_reception_and_admins_close_rooms_and_only_admins_add_them()
    {
        var setup = await ArrangeAsync(fixture.Service, practitioners: 1, rooms: 1);
        using var anonymous = fixture.Service.CreateClient();
        using var editor = fixture.Service.CreateClient(TestStaff.TokenFor(StaffRoles.Editor));
        using var practitioner = fixture.Service.CreateClient(TestStaff.TokenFor(StaffRoles.Practitioner));
        using var reception = fixture.Service.CreateClient(TestStaff.TokenFor(StaffRoles.Reception));
        using var admin = fixture.Service.CreateClient(TestStaff.TokenFor(StaffRoles.Admin));
        var room = new { name = "Room " + Guid.NewGuid().ToString("N")[..8], kind = "treatment-room" };

        using var noToken = await CloseAsync(anonymous, setup.RoomIds[0], Day);
        using var byEditor = await CloseAsync(editor, setup.RoomIds[0], Day);
        using var byPractitioner = await CloseAsync(practitioner, setup.RoomIds[0], Day);
        using var addByReception = await reception.PutAsJsonAsync($"/manage/booking/rooms/{Guid.NewGuid()}", room);
        using var addByAdmin = await admin.PutAsJsonAsync($"/manage/booking/rooms/{Guid.NewGuid()}", room);
        using var listByPractitioner = await practitioner.GetAsync(new Uri("/manage/booking/rooms", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byEditor.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byPractitioner.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, addByReception.StatusCode);
        Assert.Equal(HttpStatusCode.Created, addByAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.OK, listByPractitioner.StatusCode);
        Assert.Contains(setup.Kind, await listByPractitioner.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_room_input_is_a_problem_naming_the_field()
    {
        using var admin = fixture.Service.CreateClient(TestStaff.TokenFor(StaffRoles.Admin));

        using var badKind = await admin.PutAsJsonAsync($"/manage/booking/rooms/{Guid.NewGuid()}", new { name = "Odd room", kind = "Treatment Room" });
        using var badDate = await admin.PutAsJsonAsync($"/manage/booking/rooms/{Guid.NewGuid()}/closures/31-12-2026", new { reason = "Repairs" });
        using var farDate = await admin.PutAsJsonAsync($"/manage/booking/rooms/{Guid.NewGuid()}/closures/9999-12-31", new { reason = "Repairs" });
        using var unknownRoom = await admin.PutAsJsonAsync($"/manage/booking/rooms/{Guid.NewGuid()}/closures/{Day:yyyy-MM-dd}", new { reason = "Repairs" });
        using var unknownKind = await admin.PutAsJsonAsync($"/manage/booking/appointment-types/{Guid.NewGuid()}", new
        {
            code = "kindless-" + Guid.NewGuid().ToString("N")[..6], name = "Kindless", durationMinutes = 30, pricePence = 100, roomKind = "no-such-kind",
        });

        Assert.Equal(HttpStatusCode.BadRequest, badKind.StatusCode);
        Assert.Contains("\"kind\"", await badKind.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.Contains("\"date\"", await badDate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, farDate.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownRoom.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknownKind.StatusCode);
        Assert.Contains("\"roomKind\"", await unknownKind.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
