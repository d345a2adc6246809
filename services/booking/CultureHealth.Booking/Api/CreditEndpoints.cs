using System.Security.Claims;
using CultureHealth.Booking.Application;
using CultureHealth.ServiceDefaults.Http;
using CultureHealth.ServiceDefaults.Patients;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CultureHealth.Booking.Api;

public static class CreditEndpoints
{
    public static IEndpointRouteBuilder MapCreditEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/booking/credits", Get).WithTags("Session credits").WithNoStore().RequireAuthorization(PatientPolicies.Patient);
        return app;
    }

    /// <summary>
    /// The session credits of the address the patient token proves (Authorization: Bearer, from
    /// /api/patients/email-proofs/verify), and no one else's: without a valid token, 401. A manage token no longer
    /// opens credits, because a booking's manage token proves only that its holder once had the link.
    /// </summary>
    private static async Task<Ok<CreditsDto>> Get(ClaimsPrincipal user, SessionCredits credits, HttpContext http, CancellationToken ct)
    {
        var balance = await credits.OfAsync(user.VerifiedEmail()!, ct);
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(balance);
    }
}
