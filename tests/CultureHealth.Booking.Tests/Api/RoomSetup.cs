using System.Net.Http.Json;
using CultureHealth.Booking.Application;
using CultureHealth.Booking.Data;
using CultureHealth.Booking.Domain;
using CultureHealth.Calendar;
using CultureHealth.Testing;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CultureHealth.Booking.Tests.Api;

/// <summary>
/// A room kind of its own (so tests sharing the hosts never share rooms), its rooms in hand-out order, one appointment
/// type needing that kind, and practitioners working every day 06:00-22:00 who all offer it.
/// </summary>
public sealed record RoomSetup(string Kind, Guid TypeId, IReadOnlyList<Guid> PractitionerIds, IReadOnlyList<Guid> RoomIds)
{
    public Diary DiaryOf(int practitioner) => new(PractitionerIds[practitioner], TypeId, Kind);

    public static async Task<RoomSetup> ArrangeAsync(TestService<BookingDbContext> service, int practitioners, int rooms, int durationMinutes = 60, int bufferAfterMinutes = 15)
    {
        var kind = "kind-" + Guid.NewGuid().ToString("N")[..12];
        var setup = new RoomSetup(kind, Guid.NewGuid(), [.. Enumerable.Range(0, practitioners).Select(_ => Guid.NewGuid())],
            [.. Enumerable.Range(0, rooms).Select(_ => Guid.NewGuid())]);
        await using var db = service.OpenDb();
        // Names sort in creation order, which is the order rooms are handed out in.
        db.Rooms.AddRange(setup.RoomIds.Select((id, i) => new Room { Id = id, Name = $"{kind} room {i + 1}", Kind = kind }));
        db.AppointmentTypes.Add(new AppointmentTypeDefinition
        {
            Id = setup.TypeId, Code = kind, Name = "Room test " + kind, DurationMinutes = durationMinutes,
            BufferAfterMinutes = bufferAfterMinutes, PricePence = 6500, RoomKind = kind,
        });
        foreach (var practitionerId in setup.PractitionerIds)
        {
            db.Practitioners.Add(new Practitioner { Id = practitionerId, Name = "Test " + practitionerId.ToString("N")[..8], Title = "Physiotherapist", UpdatedAt = DateTimeOffset.UtcNow });
            db.Offerings.Add(new PractitionerOffering { PractitionerId = practitionerId, AppointmentTypeId = setup.TypeId });
            foreach (var day in Enum.GetValues<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None))
            {
                db.WeeklySchedule.Add(new WeeklyScheduleInterval
                {
                    Id = Guid.NewGuid(), PractitionerId = practitionerId, Day = day, Start = new LocalTime(6, 0), End = new LocalTime(22, 0),
                });
            }
        }

        await db.SaveChangesAsync();
        return setup;
    }

    /// <summary>A clinic wall-clock time as the API writes it.</summary>
    public static DateTimeOffset At(LocalDate date, int hour, int minute = 0) =>
        ClinicTimeZone.Resolve(date + new LocalTime(hour, minute)).ToDateTimeOffset();

    public static async Task<IReadOnlyList<DateTimeOffset>> StartsAsync(HttpClient client, Diary diary, LocalDate date) =>
        [.. (await BookingServiceFixture.SlotsAsync(client, diary, date, date)).Select(s => s.Start)];

    public static async Task<Guid?> RoomOfAsync(TestService<BookingDbContext> service, Guid bookingId)
    {
        await using var db = service.OpenDb();
        return await db.Bookings.Where(b => b.Id == bookingId).Select(b => b.RoomId).SingleAsync();
    }

    public static async Task<HttpResponseMessage> CloseAsync(HttpClient staff, Guid roomId, LocalDate date, string reason = "Deep clean") =>
        await staff.PutAsJsonAsync($"/manage/booking/rooms/{roomId}/closures/{date:yyyy-MM-dd}", new { reason });

    public static async Task<List<RoomDto>> RoomsAsync(HttpClient staff) =>
        (await staff.GetFromJsonAsync<List<RoomDto>>("/manage/booking/rooms", BookingServiceFixture.Json))!;
}
