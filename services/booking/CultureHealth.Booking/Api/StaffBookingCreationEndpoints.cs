using System.Security.Claims;
using CultureHealth.Booking.Application;
using CultureHealth.Messaging.Idempotency;
using CultureHealth.ServiceDefaults.Auth;
using CultureHealth.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CultureHealth.Booking.Api;

/// <summary>
/// Reception (or a practitioner, in their own diary) books a patient who phoned: the same request and rules as
/// the website, confirmed at once because staff vouch for the patient; the patient's manage link goes by email.
/// </summary>
public static class StaffBookingCreationEndpoints
{
    /// <summary>Where a staff booking's Idempotency-Key counts (with the member of staff).</summary>
    public const string CreateOperation = "booking.staff-create";

    public static IEndpointRouteBuilder MapStaffBookingCreationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/manage/booking/bookings", Create).WithTags("Bookings (staff)").RequireAuthorization(StaffPolicies.Diary);
        return app;
    }

    private static async Task<Results<Created<BookingCreated>, ValidationProblem>> Create(
        [FromHeader(Name = IdempotencyKey.HeaderName)] string? idempotencyKey,
        BookingRequest? body,
        HttpContext http,
        ClaimsPrincipal user,
        BookingRequests requests,
        CancellationToken ct)
    {
        if (BookingRequestParsing.TryParse(idempotencyKey, body, out var key, out var request) is { } invalid)
        {
            return invalid;
        }

        DiaryAccess.Require(user, request!.PractitionerId);
        var idempotent = new IdempotentRequest(key!, IdempotencyScope.For(CreateOperation, user), request.Fingerprint());
        var created = await requests.BookAsync(request, idempotent, BookingRequester.Staff(ClientAddress.Of(http)), ct);
        // No Location: the staff API has no single-booking resource; the day list shows it.
        return TypedResults.Created((string?)null, created);
    }
}
