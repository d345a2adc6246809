using System.Security.Claims;
using CultureHealth.Booking.Application.PatientData;
using CultureHealth.ServiceDefaults.Http;
using CultureHealth.ServiceDefaults.Patients;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CultureHealth.Booking.Api;

public static class PatientDataEndpoints
{
    /// <summary>The caller's own data, by the address their patient token proves (never by an address in the request).</summary>
    public static IEndpointRouteBuilder MapPatientDataApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/booking/me/data", Export).WithTags("Patient data").WithNoStore().RequireAuthorization(PatientPolicies.Patient);
        return app;
    }

    private static async Task<Ok<BookingPatientData>> Export(ClaimsPrincipal user, BookingPatientDataService data, CancellationToken ct) =>
        TypedResults.Ok(await data.ExportAsync(user.VerifiedEmail()!, ct));
}
