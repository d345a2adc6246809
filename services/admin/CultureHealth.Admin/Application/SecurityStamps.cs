using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using CultureHealth.Admin.Data;
using CultureHealth.Admin.Domain;
using CultureHealth.ServiceDefaults.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace CultureHealth.Admin.Application;

/// <summary>
/// Revocation of access tokens before they expire. Every token carries its account's security stamp; admin,
/// the only way staff reach any service's data, checks it on every authenticated request and refuses a token
/// whose stamp is no longer the account's, or whose account is disabled. The stamp changes on sign-out,
/// sign-out everywhere, disable, role change, password change and refresh-token reuse.
/// Stamps are cached for <see cref="AdminOptions.SecurityStampCacheDuration"/>; a change made by this replica
/// forgets its entry at once, other replicas see it within that time.
/// </summary>
public sealed class SecurityStamps(AdminDbContext db, IMemoryCache cache, IOptions<AdminOptions> options)
{
    private sealed record AccountState(string Stamp, bool Disabled);

    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        if (!Guid.TryParse(principal.FindFirstValue(StaffClaims.Subject), out var staffId))
        {
            return false;
        }
        var presented = principal.FindFirstValue(StaffClaims.SecurityStamp);
        var duration = options.Value.SecurityStampCacheDuration;
        var state = duration <= TimeSpan.Zero
            ? await LoadAsync(staffId, ct)
            : await cache.GetOrCreateAsync(CacheKey(staffId), entry =>
            {
                entry.AbsoluteExpirationRelativeToNow = duration;
                return LoadAsync(staffId, ct);
            });
        if (state is null)
        {
            return presented is null && options.Value.AcceptTokensForUnknownAccounts;
        }
        return !state.Disabled && presented is not null && CryptographicOperations.FixedTimeEquals(
            Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(state.Stamp));
    }

    private Task<AccountState?> LoadAsync(Guid staffId, CancellationToken ct) =>
        db.StaffUsers.AsNoTracking().Where(u => u.Id == staffId)
            .Select(u => new AccountState(u.SecurityStamp, u.Disabled)).FirstOrDefaultAsync(ct);

    /// <summary>Gives a tracked account a new stamp; call <see cref="Forget"/> after the change is saved.</summary>
    public static void Renew(StaffUser user) => user.SecurityStamp = StaffUser.NewSecurityStamp();

    /// <summary>Gives the account a new stamp now (its own statement) and forgets the cached one.</summary>
    public async Task RenewAsync(Guid staffId, CancellationToken ct)
    {
        var stamp = StaffUser.NewSecurityStamp();
        await db.StaffUsers.Where(u => u.Id == staffId).ExecuteUpdateAsync(s => s.SetProperty(u => u.SecurityStamp, stamp), ct);
        Forget(staffId);
    }

    public void Forget(Guid staffId) => cache.Remove(CacheKey(staffId));

    private static string CacheKey(Guid staffId) => "security-stamp:" + staffId.ToString("N");
}
