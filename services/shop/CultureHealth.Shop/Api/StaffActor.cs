using System.Security.Claims;
using CultureHealth.ServiceDefaults.Auth;

namespace CultureHealth.Shop.Api;

internal static class StaffActor
{
    /// <summary>How a staff member appears in order history and the stock ledger.</summary>
    public static string Of(ClaimsPrincipal user) =>
        $"staff:{user.FindFirstValue(StaffClaims.Subject) ?? user.Identity?.Name ?? "unknown"}";
}
