using System.Security.Claims;
using CultureHealth.Booking.Application;
using CultureHealth.Messaging.Idempotency;
using CultureHealth.ServiceDefaults.Http;
using CultureHealth.ServiceDefaults.Patients;
using CultureHealth.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CultureHealth.Booking.Api;

/// <summary>Reads a booking request (the patients' and the staff's are the same shape) and who sent it.</summary>
internal static class BookingRequestParsing
{
    /// <summary>Every field error at once, or the key and the request.</summary>
    public static ValidationProblem? TryParse(string? idempotencyKey, BookingRequest? body, out IdempotencyKey? key, out NewBooking? request)
    {
        request = null;
        var v = new RequestValidator().IdempotencyKeyHeader(idempotencyKey, out key);

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
        else if (start.InUtc().Year is < 2000 or > 2999)
        {
            // Far ends of the calendar overflow when the appointment's length and buffers are added to them.
            v.Add("start", "Must be a date the clinic could book, between the years 2000 and 2999.");
        }

        v.Required("patient.name", body.Patient?.Name, 120)
            .Email("patient.email", body.Patient?.Email?.Trim())
            .Optional("patient.phone", body.Patient?.Phone, 40)
            .Optional("notes", body.Notes, 2000);
        if (v.Failed)
        {
            return v.Problem();
        }

        request = new NewBooking(
            body.AppointmentTypeId!.Value, body.PractitionerId!.Value, start, body.Patient!.Name!.Trim(), body.Patient.Email!.Trim(),
            string.IsNullOrWhiteSpace(body.Patient.Phone) ? null : body.Patient.Phone.Trim(),
            string.IsNullOrWhiteSpace(body.Notes) ? null : body.Notes.Trim(),
            body.UseCredit ?? false);
        return null;
    }

    /// <summary>
    /// A patient (or guest) request: the address a valid patient token proves, if one came with it, and that patient.
    /// A missing, expired or forged token proves nothing; the booking is then a guest's, pending its emailed link.
    /// </summary>
    public static async Task<(BookingRequester Requester, ClaimsPrincipal? Patient)> PatientRequesterAsync(HttpContext http)
    {
        var result = await http.AuthenticateAsync(PatientTokens.Scheme);
        var patient = result.Succeeded ? result.Principal : null;
        return (new BookingRequester(patient.VerifiedEmail(), ClientAddress.Of(http)), patient);
    }

    /// <summary>The address a valid patient token on the request proves (lower case), or null.</summary>
    public static async Task<string?> VerifiedEmailAsync(HttpContext http)
    {
        var result = await http.AuthenticateAsync(PatientTokens.Scheme);
        return result.Succeeded ? result.Principal.VerifiedEmail() : null;
    }
}
