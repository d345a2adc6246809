using System.Security.Claims;
using CultureHealth.Booking.Application;
using CultureHealth.ServiceDefaults.Http;
using CultureHealth.ServiceDefaults.Patients;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CultureHealth.Booking.Api;

/// <summary>"My account": the bookings of the address the patient token proves, and nobody else's.</summary>
public static class PatientBookingEndpoints
{
    public static IEndpointRouteBuilder MapPatientBookingEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/booking/me/bookings", Mine).WithTags("My account").WithNoStore().RequireAuthorization(PatientPolicies.Patient);
        return app;
    }

    /// <summary>Upcoming and past bookings made for the token's email, as a guest or signed in; 401 without a valid patient token.</summary>
    private static async Task<Ok<MyBookings>> Mine(ClaimsPrincipal user, PatientBookings bookings, CancellationToken ct) =>
        TypedResults.Ok(await bookings.ForAsync(user.VerifiedEmail()!, ct));
}
