using CultureHealth.Booking.Application;
using CultureHealth.Booking.Domain;
using CultureHealth.ServiceDefaults.Auth;
using CultureHealth.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CultureHealth.Booking.Api;

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

    private static async Task<Ok<List<AppointmentTypeDto>>> ListActive(AppointmentTypeCatalogue catalogue, CancellationToken ct) =>
        TypedResults.Ok(await catalogue.ListAsync(activeOnly: true, ct));

    private static async Task<Ok<List<AppointmentTypeDto>>> ListAll(AppointmentTypeCatalogue catalogue, CancellationToken ct) =>
        TypedResults.Ok(await catalogue.ListAsync(activeOnly: false, ct));

    private static async Task<Results<Ok<AppointmentTypeDto>, Created<AppointmentTypeDto>, ValidationProblem>> Upsert(
        Guid id, AppointmentTypeUpsert body, AppointmentTypeCatalogue catalogue, CancellationToken ct)
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
        v.Require(await catalogue.AllPractitionersExistAsync(practitionerIds, ct), "practitionerIds", "Every id must be an existing practitioner.");
        var roomKind = string.IsNullOrWhiteSpace(body.RoomKind) ? null : body.RoomKind.Trim();
        if (roomKind is not null && !RoomKinds.IsValid(roomKind))
        {
            v.Add("roomKind", "Use lower-case words joined by hyphens, e.g. treatment-room.");
        }
        else if (roomKind is not null && !await catalogue.AnyActiveRoomOfKindAsync(roomKind, ct))
        {
            v.Add("roomKind", "No active room is of this kind; add the room first, or leave it empty for no room.");
        }

        if (!v.Failed && await catalogue.CodeTakenAsync(body.Code, id, ct))
        {
            v.Add("code", "Another appointment type already uses this code.");
        }

        if (v.Failed)
        {
            return v.Problem();
        }

        var (type, created) = await catalogue.UpsertAsync(id, body, practitionerIds, roomKind, ct);
        return created ? TypedResults.Created($"/manage/booking/appointment-types/{id}", type) : TypedResults.Ok(type);
    }
}
