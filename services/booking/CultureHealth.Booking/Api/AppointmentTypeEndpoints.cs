using CultureHealth.Booking.Application;
using CultureHealth.Booking.Data;
using CultureHealth.ServiceDefaults.Auth;
using CultureHealth.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Booking.Api;

public sealed record AppointmentTypeDto(
    Guid Id, string Code, string Name, string? Description, int DurationMinutes, int BufferBeforeMinutes, int BufferAfterMinutes,
    Money Price, bool CreditsCanPay, bool Active, IReadOnlyList<Guid> PractitionerIds, string? RoomKind = null);

public sealed record AppointmentTypeUpsert(
    string? Code, string? Name, string? Description, int? DurationMinutes, int? BufferBeforeMinutes, int? BufferAfterMinutes,
    long? PricePence, bool? CreditsCanPay, bool? Active, List<Guid>? PractitionerIds, string? RoomKind = null);

public static class AppointmentTypeEndpoints
{
    public static IEndpointRouteBuilder MapAppointmentTypeEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/booking/appointment-types", ListActive).WithTags("Appointment types");

        // Reception books with them, so everyone who runs a diary may read them; only admins change them.
        app.MapGet("/manage/booking/appointment-types", ListAll).WithTags("Appointment types (staff)").RequireAuthorization(StaffPolicies.Diary);
        var manage = app.MapGroup("/manage/booking/appointment-types").WithTags("Appointment types (staff)")
            .RequireAuthorization(StaffPolicies.Admin);
        manage.MapPut("/{id:guid}", Upsert);
        return app;
    }

    private static async Task<Ok<List<AppointmentTypeDto>>> ListActive(BookingDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await LoadAsync(db, activeOnly: true, ct));

    private static async Task<Ok<List<AppointmentTypeDto>>> ListAll(BookingDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await LoadAsync(db, activeOnly: false, ct));

    private static async Task<List<AppointmentTypeDto>> LoadAsync(BookingDbContext db, bool activeOnly, CancellationToken ct)
    {
        var types = await db.AppointmentTypes.AsNoTracking().Where(t => !activeOnly || t.Active).OrderBy(t => t.Name).ToListAsync(ct);
        var offerings = await (
            from o in db.Offerings.AsNoTracking()
            join p in db.Practitioners on o.PractitionerId equals p.Id
            where !activeOnly || p.Active
            select o).ToListAsync(ct);
        return [.. types.Select(t => ToDto(t, [.. offerings.Where(o => o.AppointmentTypeId == t.Id).Select(o => o.PractitionerId)]))];
    }

    private static async Task<Results<Ok<AppointmentTypeDto>, Created<AppointmentTypeDto>, ValidationProblem>> Upsert(
        Guid id, AppointmentTypeUpsert body, BookingDbContext db, CancellationToken ct)
    {
        var v = new RequestValidator()
            .Required("code", body.Code, 60)
            .Required("name", body.Name, 120)
            .Optional("description", body.Description, 2000)
            .Range("durationMinutes", body.DurationMinutes ?? 0, 5, 8 * 60)
            .Range("bufferBeforeMinutes", body.BufferBeforeMinutes ?? 0, 0, 120)
            .Range("bufferAfterMinutes", body.BufferAfterMinutes ?? 0, 0, 120)
            .Range("pricePence", body.PricePence ?? -1, 0, 10_000_00);
        if (body.Code is not null && !body.Code.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            v.Add("code", "Use lower-case letters, digits and hyphens, e.g. initial-assessment.");
        }

        var practitionerIds = (body.PractitionerIds ?? []).Distinct().ToList();
        var known = await db.Practitioners.CountAsync(p => practitionerIds.Contains(p.Id), ct);
        v.Require(known == practitionerIds.Count, "practitionerIds", "Every id must be an existing practitioner.");
        var roomKind = string.IsNullOrWhiteSpace(body.RoomKind) ? null : body.RoomKind.Trim();
        if (roomKind is not null && !Domain.RoomKinds.IsValid(roomKind))
        {
            v.Add("roomKind", "Use lower-case words joined by hyphens, e.g. treatment-room.");
        }
        else if (roomKind is not null && !await db.Rooms.AnyAsync(r => r.Kind == roomKind && r.Active, ct))
        {
            v.Add("roomKind", "No active room is of this kind; add the room first, or leave it empty for no room.");
        }

        if (!v.Failed && await db.AppointmentTypes.AnyAsync(t => t.Code == body.Code && t.Id != id, ct))
        {
            v.Add("code", "Another appointment type already uses this code.");
        }

        if (v.Failed)
        {
            return v.Problem();
        }

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

        var dto = ToDto(type, practitionerIds);
        return created ? TypedResults.Created($"/manage/booking/appointment-types/{id}", dto) : TypedResults.Ok(dto);
    }

    private static AppointmentTypeDto ToDto(AppointmentTypeDefinition t, IReadOnlyList<Guid> practitionerIds) => new(
        t.Id, t.Code, t.Name, t.Description, t.DurationMinutes, t.BufferBeforeMinutes, t.BufferAfterMinutes,
        new Money(t.PricePence), t.CreditsCanPay, t.Active, practitionerIds, t.RoomKind);
}
