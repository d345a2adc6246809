using CultureHealth.Booking.Data;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Booking.Application;

public sealed record CreditBalance(string AppointmentTypeCode, int Remaining, int Granted, string OrderNumber);

public sealed record CreditsDto(string Email, int TotalRemaining, IReadOnlyList<CreditBalance> Grants);

/// <summary>The session credits bought in the shop, as their owner sees them.</summary>
public sealed class SessionCredits(BookingDbContext db)
{
    /// <summary>The unrevoked grants of <paramref name="email"/> (a proven address), oldest first.</summary>
    public async Task<CreditsDto> OfAsync(string email, CancellationToken ct)
    {
        var grants = await db.CreditGrants.AsNoTracking()
            .Where(g => g.CustomerEmail == email && g.RevokedAt == null)
            .OrderBy(g => g.GrantedAt)
            .Select(g => new CreditBalance(g.AppointmentTypeCode, g.Remaining, g.Granted, g.OrderNumber))
            .ToListAsync(ct);
        return new CreditsDto(email, grants.Sum(g => g.Remaining), grants);
    }
}
