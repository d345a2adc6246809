using System.Security.Cryptography;
using System.Text;
using CultureHealth.Admin.Data;
using CultureHealth.Admin.Domain;
using CultureHealth.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CultureHealth.Admin.Staff;

public sealed record SignInResult(SignInOutcome Outcome, StaffSession? Session = null, DateTimeOffset? LockedUntil = null);

public sealed record StaffSession(string AccessToken, DateTimeOffset ExpiresAt, string RefreshToken, DateTimeOffset RefreshExpiresAt, StaffSummary Staff);

public sealed record StaffSummary(Guid Id, string Email, string Name, IReadOnlyList<string> Roles, Guid? PractitionerId, bool Disabled);

/// <summary>Sign-in, refresh with rotation, sign-out and password changes for staff accounts.</summary>
public sealed class StaffAccounts(
    AdminDbContext db,
    IPasswordHasher<StaffUser> hasher,
    StaffTokenIssuer tokens,
    IOptions<AdminOptions> options,
    TimeProvider clock)
{
    private SignInPolicy Policy => new(options.Value.MaxFailedSignIns, options.Value.LockoutDuration);

    public static string NormaliseEmail(string email) => email.Trim().ToLowerInvariant();

    public async Task<SignInResult> SignInAsync(string email, string password, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var user = await db.StaffUsers.FirstOrDefaultAsync(u => u.Email == NormaliseEmail(email), ct);
        if (user is null)
        {
            // Same work as a real check, so timing does not reveal which emails exist.
            hasher.VerifyHashedPassword(new StaffUser(), DummyHash, password);
            return new SignInResult(SignInOutcome.WrongCredentials);
        }
        if (Policy.IsLocked(user, now))
        {
            return new SignInResult(SignInOutcome.LockedOut, LockedUntil: user.LockedUntil);
        }
        var verdict = hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            Policy.RecordFailure(user, now);
            await db.SaveChangesAsync(ct);
            return Policy.IsLocked(user, now)
                ? new SignInResult(SignInOutcome.LockedOut, LockedUntil: user.LockedUntil)
                : new SignInResult(SignInOutcome.WrongCredentials);
        }
        if (user.Disabled)
        {
            return new SignInResult(SignInOutcome.Disabled);
        }
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = hasher.HashPassword(user, password);
        }
        SignInPolicy.RecordSuccess(user, now);
        var session = IssueSession(user, now);
        await db.SaveChangesAsync(ct);
        return new SignInResult(SignInOutcome.Success, session);
    }

    /// <summary>
    /// Exchanges a refresh token for a new pair. A token can be used once; presenting a used one
    /// again means it was stolen, so every session of that account is revoked.
    /// </summary>
    public async Task<StaffSession?> RefreshAsync(string refreshToken, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var hash = Hash(refreshToken);
        var stored = await db.RefreshTokens.FirstOrDefaultAsync(t => t.TokenHash == hash, ct);
        if (stored is null)
        {
            return null;
        }
        var user = await db.StaffUsers.FirstAsync(u => u.Id == stored.StaffId, ct);
        if (stored.RevokedAt is not null)
        {
            await RevokeAllAsync(user.Id, now, ct);
            return null;
        }
        if (stored.ExpiresAt <= now || user.Disabled)
        {
            return null;
        }
        var session = IssueSession(user, now);
        stored.RevokedAt = now;
        stored.ReplacedBy = db.RefreshTokens.Local.Single(t => t.TokenHash == Hash(session.RefreshToken)).Id;
        await db.SaveChangesAsync(ct);
        return session;
    }

    public async Task SignOutAsync(Guid staffId, string refreshToken, CancellationToken ct)
    {
        var hash = Hash(refreshToken);
        await db.RefreshTokens.Where(t => t.StaffId == staffId && t.TokenHash == hash && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, clock.GetUtcNow()), ct);
    }

    public async Task<bool> ChangePasswordAsync(Guid staffId, string current, string next, CancellationToken ct)
    {
        // A valid token can outlive its account (deleted since it was issued): that is a wrong password, not a crash.
        var user = await db.StaffUsers.FirstOrDefaultAsync(u => u.Id == staffId, ct);
        if (user is null || hasher.VerifyHashedPassword(user, user.PasswordHash, current) == PasswordVerificationResult.Failed)
        {
            return false;
        }
        user.PasswordHash = hasher.HashPassword(user, next);
        await db.SaveChangesAsync(ct);
        await RevokeAllAsync(staffId, clock.GetUtcNow(), ct);
        return true;
    }

    public Task RevokeAllAsync(Guid staffId, DateTimeOffset now, CancellationToken ct) =>
        db.RefreshTokens.Where(t => t.StaffId == staffId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), ct);

    public string HashPassword(StaffUser user, string password) => hasher.HashPassword(user, password);

    public static StaffSummary Summary(StaffUser u) => new(u.Id, u.Email, u.Name, u.Roles, u.PractitionerId, u.Disabled);

    private StaffSession IssueSession(StaffUser user, DateTimeOffset now)
    {
        var access = tokens.Issue(new StaffIdentity(user.Id, user.Email, user.Name, user.Roles, user.PractitionerId));
        var refresh = Base64Url(RandomNumberGenerator.GetBytes(32));
        var refreshExpires = now + options.Value.RefreshTokenLifetime;
        db.RefreshTokens.Add(new RefreshToken
        {
            Id = Guid.NewGuid(), StaffId = user.Id, TokenHash = Hash(refresh), CreatedAt = now, ExpiresAt = refreshExpires,
        });
        return new StaffSession(access.AccessToken, access.ExpiresAt, refresh, refreshExpires, Summary(user));
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static readonly string DummyHash = new PasswordHasher<StaffUser>().HashPassword(new StaffUser(), Guid.NewGuid().ToString());
}
