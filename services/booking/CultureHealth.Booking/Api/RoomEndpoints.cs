using CultureHealth.Booking.Application;
using CultureHealth.Booking.Domain;
using CultureHealth.ServiceDefaults.Auth;
using CultureHealth.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CultureHealth.Booking.Api;

public sealed record RoomUpsert(string? Name, string? Kind, bool? Active);

public sealed record RoomClosureRequest(string? Reason);

/// <summary>
/// Treatment rooms and equipment (staff, through admin's audited forwarding). Everyone who runs a diary sees them;
/// admins add and rename rooms; reception (and admins) close a room for a day and open it again.
/// </summary>
public static class RoomEndpoints
{
    public static IEndpointRouteBuilder MapRoomEndpoints(this IEndpointRouteBuilder app)
    {
        var rooms = app.MapGroup("/manage/booking/rooms").WithTags("Rooms (staff)");
        rooms.MapGet("/", List).RequireAuthorization(StaffPolicies.Diary);
        rooms.MapPut("/{id:guid}", Upsert).RequireAuthorization(StaffPolicies.Admin);
        rooms.MapPut("/{id:guid}/closures/{date}", Close).RequireAuthorization(p => p.RequireRole(StaffRoles.Reception, StaffRoles.Admin));
        rooms.MapDelete("/{id:guid}/closures/{date}", Reopen).RequireAuthorization(p => p.RequireRole(StaffRoles.Reception, StaffRoles.Admin));
        return app;
    }

    private static async Task<Ok<List<RoomDto>>> List(RoomRegister rooms, CancellationToken ct) =>
        TypedResults.Ok(await rooms.ListAsync(ct));

    private static async Task<Results<Ok<RoomDto>, Created<RoomDto>, ValidationProblem>> Upsert(
        Guid id, RoomUpsert body, RoomRegister rooms, CancellationToken ct)
    {
        var v = new RequestValidator().Required("name", body.Name, 80).Required("kind", body.Kind, RoomKinds.MaxLength);
        if (body.Kind is not null && !RoomKinds.IsValid(body.Kind))
        {
            v.Add("kind", "Use lower-case words joined by hyphens, e.g. treatment-room.");
        }

        var name = body.Name?.Trim();
        if (!v.Failed && await rooms.NameTakenAsync(name, id, ct))
        {
            v.Add("name", "Another room already has this name.");
        }

        if (v.Failed)
        {
            return v.Problem();
        }

        var (room, created) = await rooms.UpsertAsync(id, name!, body.Kind!, body.Active ?? true, ct);
        return created ? TypedResults.Created($"/manage/booking/rooms/{id}", room) : TypedResults.Ok(room);
    }

    private static async Task<Results<Ok<RoomClosureDto>, ValidationProblem>> Close(
        Guid id, string date, RoomClosureRequest body, RoomClosures closures, CancellationToken ct)
    {
        var v = new RequestValidator().Required("reason", body.Reason, 200);
        if (!ClinicTimeText.TryParseDate(date, out var day))
        {
            v.Add("date", "Must be a date like 2026-12-03.");
        }
        else if (day.Year is < 2000 or > 2100)
        {
            // The day's bookings are read with a day's margin either side; the calendar's far ends would overflow.
            v.Add("date", "Must be a date between 2000 and 2100.");
        }

        if (v.Failed)
        {
            return v.Problem();
        }

        return TypedResults.Ok(await closures.CloseAsync(id, day, body.Reason!.Trim(), ct));
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> Reopen(Guid id, string date, RoomClosures closures, CancellationToken ct)
    {
        if (!ClinicTimeText.TryParseDate(date, out var day))
        {
            return new RequestValidator().Add("date", "Must be a date like 2026-12-03.").Problem();
        }

        return await closures.ReopenAsync(id, day, ct) ? TypedResults.NoContent() : TypedResults.NotFound();
    }
}
