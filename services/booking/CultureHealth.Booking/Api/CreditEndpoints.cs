using System.Security.Claims;
using CultureHealth.ServiceDefaults.Http;
using CultureHealth.Booking.Data;
using CultureHealth.ServiceDefaults.Patients;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Booking.Api;

public sealed record CreditBalance(string AppointmentTypeCode, int Remaining, int Granted, string OrderNumber);

public sealed record CreditsDto(string Email, int TotalRemaining, IReadOnlyList<CreditBalance> Grants);

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
    private static async Task<Ok<CreditsDto>> Get(ClaimsPrincipal user, BookingDbContext db, HttpContext http, CancellationToken ct)
    {
        var email = user.VerifiedEmail()!;
        var grants = await db.CreditGrants.AsNoTracking()
            .Where(g => g.CustomerEmail == email && g.RevokedAt == null)
            .OrderBy(g => g.GrantedAt)
            .Select(g => new CreditBalance(g.AppointmentTypeCode, g.Remaining, g.Granted, g.OrderNumber))
            .ToListAsync(ct);
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new CreditsDto(email, grants.Sum(g => g.Remaining), grants));
    }
}
