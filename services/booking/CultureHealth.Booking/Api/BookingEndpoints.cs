using CultureHealth.ServiceDefaults.Http;
using CultureHealth.Booking.Application;
using CultureHealth.Booking.Domain;
using CultureHealth.Messaging.Idempotency;
using CultureHealth.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CultureHealth.Booking.Api;

/// <summary>The patient's side: book, look, cancel, move, with the manage token or the owner's patient token.</summary>
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

    /// <summary>
    /// A guest's booking is pending (its slot held) until the emailed link confirms it; with a patient token for
    /// patient.email it is confirmed at once. <c>useCredit</c> needs that token.
    /// </summary>
    private static async Task<Results<Created<BookingCreated>, ValidationProblem>> Create(
        [FromHeader(Name = IdempotencyKey.HeaderName)] string? idempotencyKey,
        BookingRequest? body,
        HttpContext http,
        BookingRequests requests,
        CancellationToken ct)
    {
        if (BookingRequestParsing.TryParse(idempotencyKey, body, out var key, out var request) is { } invalid)
        {
            return invalid;
        }

        var (requester, patient) = await BookingRequestParsing.PatientRequesterAsync(http);
        // A patient's key counts for that patient; a guest's is the guest's secret (idempotency scopes).
        var idempotent = new IdempotentRequest(key!, IdempotencyScope.For(CreateOperation, patient ?? http.User), request!.Fingerprint());
        var created = await requests.BookAsync(request, idempotent, requester, ct);
        if (created.ManageToken is not null)
        {
            http.Response.Headers.CacheControl = "no-store";
        }

        return TypedResults.Created($"/api/booking/bookings/{created.Booking.Id}", created);
    }

    /// <summary>With the manage token (<c>?token=</c>) or the owner's patient token (Authorization: Bearer) for the booking's address.</summary>
    private static async Task<Ok<BookingDto>> Get(Guid id, string? token, HttpContext http, BookingQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.ViewForPatientAsync(id, token, await BookingRequestParsing.VerifiedEmailAsync(http), ct));

    private static async Task<Ok<BookingDto>> Cancel(
        Guid id, string? token, HttpContext http, BookingQueries queries, BookingChanges changes, CancellationToken ct)
    {
        var booking = await queries.RequirePatientAsync(id, token, await BookingRequestParsing.VerifiedEmailAsync(http), ct);
        return TypedResults.Ok(await changes.CancelAsync(booking, CancellationRequester.Patient, restoreCredit: null, ct));
    }

    private static async Task<Results<Ok<BookingDto>, ValidationProblem>> Reschedule(
        Guid id, string? token, RescheduleRequest? body, HttpContext http, BookingQueries queries, BookingChanges changes, CancellationToken ct)
    {
        // The token is checked first so that a stranger learns nothing, not even which fields are wrong.
        var booking = await queries.RequirePatientAsync(id, token, await BookingRequestParsing.VerifiedEmailAsync(http), ct);
        if (!ClinicTimeText.TryParseInstant(body?.Start, out var start))
        {
            return new RequestValidator()
                .Add("start", "Required: an ISO 8601 date and time with an offset, e.g. 2026-12-01T10:00:00Z.").Problem();
        }

        return TypedResults.Ok(await changes.RescheduleAsync(booking, start, CancellationRequester.Patient, ct));
    }
}
