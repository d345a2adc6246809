using System.Security.Claims;
using CultureHealth.ServiceDefaults.Http;
using CultureHealth.Booking.Application;
using CultureHealth.Booking.Domain;
using CultureHealth.Messaging.Idempotency;
using CultureHealth.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CultureHealth.Booking.Api;

/// <summary>The patient's side: book, look, cancel, move. The manage token stands in for a login.</summary>
public static class BookingEndpoints
{
    /// <summary>Where a booking's Idempotency-Key counts (with the caller, when signed in).</summary>
    public const string CreateOperation = "booking.create";

    public static IEndpointRouteBuilder MapBookingEndpoints(this IEndpointRouteBuilder app)
    {
        var bookings = app.MapGroup("/api/booking/bookings").WithTags("Bookings").WithNoStore(); // answers carry the manage token
        bookings.MapPost("/", Create);
        bookings.MapGet("/{id:guid}", Get);
        bookings.MapPost("/{id:guid}/cancel", Cancel);
        bookings.MapPost("/{id:guid}/reschedule", Reschedule);
        return app;
    }

    private static async Task<Results<Created<BookingCreated>, ValidationProblem>> Create(
        [FromHeader(Name = IdempotencyKey.HeaderName)] string? idempotencyKey,
        BookingRequest? body,
        ClaimsPrincipal user,
        BookingCommands commands,
        CancellationToken ct)
    {
        var v = new RequestValidator().IdempotencyKeyHeader(idempotencyKey, out var key);

        if (body is null)
        {
            return v.Add("body", "A JSON body is required.").Problem();
        }

        v.Require(body.AppointmentTypeId is not null, "appointmentTypeId", "Required.")
            .Require(body.PractitionerId is not null, "practitionerId", "Required.");
        if (!ClinicTimeText.TryParseInstant(body.Start, out var start))
        {
            v.Add("start", "Required: an ISO 8601 date and time with an offset, e.g. 2026-12-01T10:00:00Z.");
        }

        v.Required("patient.name", body.Patient?.Name, 120)
            .Email("patient.email", body.Patient?.Email?.Trim())
            .Optional("patient.phone", body.Patient?.Phone, 40)
            .Optional("notes", body.Notes, 2000);
        if (v.Failed)
        {
            return v.Problem();
        }

        var request = new NewBooking(
            body.AppointmentTypeId!.Value, body.PractitionerId!.Value, start, body.Patient!.Name!.Trim(), body.Patient.Email!.Trim(),
            string.IsNullOrWhiteSpace(body.Patient.Phone) ? null : body.Patient.Phone.Trim(),
            string.IsNullOrWhiteSpace(body.Notes) ? null : body.Notes.Trim(),
            body.UseCredit ?? false);
        var created = await commands.CreateAsync(
            request, new IdempotentRequest(key!, IdempotencyScope.For(CreateOperation, user), request.Fingerprint()), ct);
        return TypedResults.Created($"/api/booking/bookings/{created.Booking.Id}", created);
    }

    private static async Task<Ok<BookingDto>> Get(Guid id, string? token, BookingCommands commands, CancellationToken ct) =>
        TypedResults.Ok(await commands.ViewForPatientAsync(id, token, ct));

    private static async Task<Ok<BookingDto>> Cancel(Guid id, string? token, BookingCommands commands, CancellationToken ct)
    {
        var booking = await commands.RequirePatientAsync(id, token, ct);
        return TypedResults.Ok(await commands.CancelAsync(booking, CancellationRequester.Patient, restoreCredit: null, ct));
    }

    private static async Task<Results<Ok<BookingDto>, ValidationProblem>> Reschedule(
        Guid id, string? token, RescheduleRequest? body, BookingCommands commands, CancellationToken ct)
    {
        // The token is checked first so that a stranger learns nothing, not even which fields are wrong.
        var booking = await commands.RequirePatientAsync(id, token, ct);
        if (!ClinicTimeText.TryParseInstant(body?.Start, out var start))
        {
            return new RequestValidator()
                .Add("start", "Required: an ISO 8601 date and time with an offset, e.g. 2026-12-01T10:00:00Z.").Problem();
        }

        return TypedResults.Ok(await commands.RescheduleAsync(booking, start, CancellationRequester.Patient, ct));
    }
}
