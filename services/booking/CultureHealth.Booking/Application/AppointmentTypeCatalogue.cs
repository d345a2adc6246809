using CultureHealth.Booking.Data;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Booking.Application;

public sealed record AppointmentTypeDto(
    Guid Id, string Code, string Name, string? Description, int DurationMinutes, int BufferBeforeMinutes, int BufferAfterMinutes,
    Money Price, bool CreditsCanPay, bool Active, IReadOnlyList<Guid> PractitionerIds, string? RoomKind = null);

public sealed record AppointmentTypeUpsert(
    string? Code, string? Name, string? Description, int? DurationMinutes, int? BufferBeforeMinutes, int? BufferAfterMinutes,
    long? PricePence, bool? CreditsCanPay, bool? Active, List<Guid>? PractitionerIds, string? RoomKind = null);

/// <summary>The appointment types and who offers them: read by everyone, changed by admins.</summary>
public sealed class AppointmentTypeCatalogue(BookingDbContext db)
{
    /// <summary>By name; <paramref name="activeOnly"/> also leaves inactive practitioners out of each type's list.</summary>
    public async Task<List<AppointmentTypeDto>> ListAsync(bool activeOnly, CancellationToken ct)
    {
        var types = await db.AppointmentTypes.AsNoTracking().Where(t => !activeOnly || t.Active).OrderBy(t => t.Name).ToListAsync(ct);
        var offerings = await (
            from o in db.Offerings.AsNoTracking()
            join p in db.Practitioners on o.PractitionerId equals p.Id
            where !activeOnly || p.Active
            select o).ToListAsync(ct);
        return [.. types.Select(t => ToDto(t, [.. offerings.Where(o => o.AppointmentTypeId == t.Id).Select(o => o.PractitionerId)]))];
    }

    public async Task<bool> AllPractitionersExistAsync(IReadOnlyCollection<Guid> practitionerIds, CancellationToken ct) =>
        await db.Practitioners.CountAsync(p => practitionerIds.Contains(p.Id), ct) == practitionerIds.Count;

    public Task<bool> AnyActiveRoomOfKindAsync(string roomKind, CancellationToken ct) =>
        db.Rooms.AnyAsync(r => r.Kind == roomKind && r.Active, ct);

    public Task<bool> CodeTakenAsync(string? code, Guid exceptId, CancellationToken ct) =>
        db.AppointmentTypes.AnyAsync(t => t.Code == code && t.Id != exceptId, ct);

    /// <summary>
    /// Stores <paramref name="body"/> (already checked) as type <paramref name="id"/>, offered by exactly
    /// <paramref name="practitionerIds"/>; <paramref name="roomKind"/> is the trimmed kind, or null for no room.
    /// </summary>
    public async Task<Upserted<AppointmentTypeDto>> UpsertAsync(
        Guid id, AppointmentTypeUpsert body, IReadOnlyList<Guid> practitionerIds, string? roomKind, CancellationToken ct)
    {
        var type = await db.AppointmentTypes.FirstOrDefaultAsync(t => t.Id == id, ct);
        var created = type is null;
        if (type is null)
        {
            type = new AppointmentTypeDefinition { Id = id };
            db.AppointmentTypes.Add(type);
        }

        type.Code = body.Code!;
        type.Name = body.Name!.Trim();
        type.Description = body.Description;
        type.DurationMinutes = body.DurationMinutes!.Value;
        type.BufferBeforeMinutes = body.BufferBeforeMinutes ?? 0;
        type.BufferAfterMinutes = body.BufferAfterMinutes ?? 0;
        type.PricePence = body.PricePence!.Value;
        type.CreditsCanPay = body.CreditsCanPay ?? false;
        type.Active = body.Active ?? true;
        // Bookings already made keep the room they hold; new ones follow the type.
        type.RoomKind = roomKind;

        // The offering list is replaced as a whole: what the admin screen shows is what gets stored.
        var current = await db.Offerings.Where(o => o.AppointmentTypeId == id).ToListAsync(ct);
        db.Offerings.RemoveRange(current.Where(o => !practitionerIds.Contains(o.PractitionerId)));
        db.Offerings.AddRange(practitionerIds.Where(p => current.All(o => o.PractitionerId != p))
            .Select(p => new PractitionerOffering { PractitionerId = p, AppointmentTypeId = id }));
        await db.SaveChangesAsync(ct);
        return new Upserted<AppointmentTypeDto>(ToDto(type, practitionerIds), created);
    }

    private static AppointmentTypeDto ToDto(AppointmentTypeDefinition t, IReadOnlyList<Guid> practitionerIds) => new(
        t.Id, t.Code, t.Name, t.Description, t.DurationMinutes, t.BufferBeforeMinutes, t.BufferAfterMinutes,
        new Money(t.PricePence), t.CreditsCanPay, t.Active, practitionerIds, t.RoomKind);
}
