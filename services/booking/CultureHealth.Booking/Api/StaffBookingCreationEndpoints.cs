using System.Security.Claims;
using CultureHealth.Booking.Application;
using CultureHealth.Booking.Domain;
using CultureHealth.Messaging.Idempotency;
using CultureHealth.ServiceDefaults.Auth;
using CultureHealth.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CultureHealth.Booking.Api;

/// <summary>
/// Reception (or a practitioner, in their own diary) books a patient who phoned: the same request, the same
/// availability rule and the same idempotency as the website; the patient's manage link goes by email.
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

        DiaryAccess.Require(user, body.PractitionerId!.Value);
        var request = new NewBooking(
            body.AppointmentTypeId!.Value, body.PractitionerId.Value, start, body.Patient!.Name!.Trim(), body.Patient.Email!.Trim(),
            string.IsNullOrWhiteSpace(body.Patient.Phone) ? null : body.Patient.Phone.Trim(),
            string.IsNullOrWhiteSpace(body.Notes) ? null : body.Notes.Trim(),
            UseCredit: false);
        var created = await commands.CreateAsync(
            request, new IdempotentRequest(key!, IdempotencyScope.For(CreateOperation, user), request.Fingerprint()), ct);
        return TypedResults.Created($"/manage/booking/bookings/{created.Booking.Id}", created);
    }
}
