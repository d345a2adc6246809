using CultureHealth.ServiceDefaults.Http;
using CultureHealth.Booking.Data;
using CultureHealth.Booking.Domain;
using CultureHealth.ServiceDefaults.Problems;
using CultureHealth.ServiceDefaults.Secrets;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Booking.Api;

public sealed record CreditBalance(string AppointmentTypeCode, int Remaining, int Granted, string OrderNumber);

public sealed record CreditsDto(string Email, int TotalRemaining, IReadOnlyList<CreditBalance> Grants);

public static class CreditEndpoints
{
    public static IEndpointRouteBuilder MapCreditEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/booking/credits", Get).WithTags("Session credits").WithNoStore();
        return app;
    }

    /// <summary>
    /// A patient's session credits. The token is the manage token of any booking made with that email.
    /// Why: booking never sees the shop's order access token (OrderPaid does not carry it, and it is the
    /// shop's secret), and a credit token of booking's own would need a way to reach the patient that the
    /// event contracts do not have yet. A manage token already proves control of the address (it went to it
    /// with a booking) and is stored only as a hash. A buyer with no booking yet simply books with
    /// <c>useCredit: true</c>; the answer says whether a credit was there. Wrong email or token: 404, as for bookings.
    /// </summary>
    private static async Task<Ok<CreditsDto>> Get(string? email, string? token, BookingDbContext db, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(token) || !RequestValidator.IsEmail(email.Trim()))
        {
            throw ProblemException.NotFound("Credits for this email and token");
        }

        var normalized = email.Trim().ToLowerInvariant();
        var hashes = await db.Bookings.AsNoTracking()
            .Where(b => b.PatientEmail.ToLower() == normalized)
            .Select(b => b.ManageTokenHash).ToListAsync(ct);
        // Every hash is compared, so timing says nothing about which booking (if any) matched.
        var matched = hashes.Aggregate(false, (found, hash) => SecretToken.Verify(token, hash) | found);
        if (!matched)
        {
            throw ProblemException.NotFound("Credits for this email and token");
        }

        var grants = await db.CreditGrants.AsNoTracking()
            .Where(g => g.CustomerEmail == normalized && g.RevokedAt == null)
            .OrderBy(g => g.GrantedAt)
            .Select(g => new CreditBalance(g.AppointmentTypeCode, g.Remaining, g.Granted, g.OrderNumber))
            .ToListAsync(ct);
        return TypedResults.Ok(new CreditsDto(normalized, grants.Sum(g => g.Remaining), grants));
    }
}
