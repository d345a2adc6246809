using CultureHealth.Booking.Data;
using CultureHealth.Calendar;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CultureHealth.Booking.Application;

public sealed record RoomClosureSummary(string Date, string Reason);

public sealed record RoomDto(Guid Id, string Name, string Kind, bool Active, IReadOnlyList<RoomClosureSummary> Closures);

/// <summary>The treatment rooms and equipment: listed for the diary, added and renamed by admins (closing a day is <see cref="RoomClosures"/>).</summary>
public sealed class RoomRegister(BookingDbContext db, TimeProvider clock)
{
    /// <summary>Every room in hand-out order (kind, then name), with its closures from today on.</summary>
    public async Task<List<RoomDto>> ListAsync(CancellationToken ct)
    {
        var today = ClinicTimeZone.Today(clock);
        var rooms = await db.Rooms.AsNoTracking().OrderBy(r => r.Kind).ThenBy(r => r.Name).ThenBy(r => r.Id).ToListAsync(ct);
        var closures = await db.RoomClosures.AsNoTracking().Where(c => c.Date >= today).OrderBy(c => c.Date).ToListAsync(ct);
        return [.. rooms.Select(r => new RoomDto(r.Id, r.Name, r.Kind, r.Active,
            [.. closures.Where(c => c.RoomId == r.Id).Select(c => new RoomClosureSummary(ClinicTimeText.Format(c.Date), c.Reason))]))];
    }

    public Task<bool> NameTakenAsync(string? name, Guid exceptId, CancellationToken ct) =>
        db.Rooms.AnyAsync(r => r.Name == name && r.Id != exceptId, ct);

    /// <summary>Stores room <paramref name="id"/>; <paramref name="name"/> is trimmed and the rest already checked.</summary>
    public async Task<Upserted<RoomDto>> UpsertAsync(Guid id, string name, string kind, bool active, CancellationToken ct)
    {
        var room = await db.Rooms.FirstOrDefaultAsync(r => r.Id == id, ct);
        var created = room is null;
        if (room is null)
        {
            db.Rooms.Add(room = new Room { Id = id });
        }

        // Bookings already holding the room keep it whatever changes here; only new bookings follow kind and active.
        room.Name = name;
        room.Kind = kind;
        room.Active = active;
        room.UpdatedAt = Instant.FromDateTimeOffset(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return new Upserted<RoomDto>(new RoomDto(room.Id, room.Name, room.Kind, room.Active, []), created);
    }
}
