using System.Net;
using System.Security.Cryptography;
using System.Text;
using CultureHealth.Admin.Data;
using CultureHealth.Admin.Domain;
using CultureHealth.Admin.Domain.Passwords;
using CultureHealth.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CultureHealth.Admin.Application;

public sealed record StaffSession(string AccessToken, DateTimeOffset ExpiresAt, string RefreshToken, DateTimeOffset RefreshExpiresAt, StaffSummary Staff);

public sealed record StaffSummary(Guid Id, string Email, string Name, IReadOnlyList<string> Roles, Guid? PractitionerId, bool Disabled);

/// <summary>
/// Sign-in, refresh with rotation, sign-out (here or everywhere) and password changes for staff accounts.
/// Password attempts are throttled per account and per client address with exponential back-off; refresh tokens
/// rotate with a conditional update that one request alone can win; a reused refresh token ends its session family.
/// </summary>
public sealed partial class StaffSessions(
    AdminDbContext db,
    IPasswordHasher<StaffUser> hasher,
    StaffTokenIssuer tokens,
    SignInThrottles throttles,
    SecurityStamps stamps,
    PasswordPolicy passwords,
    AuditLog audit,
    IOptions<AdminOptions> options,
    TimeProvider clock,
    ILogger<StaffSessions> logger)
{
    public static string NormaliseEmail(string email) => email.Trim().ToLowerInvariant();

    public async Task<StaffSession> SignInAsync(string email, string password, IPAddress? client, CancellationToken ct)
    {
        var normalised = NormaliseEmail(email);
        var keys = ThrottleKeys.For(normalised, client);
        await RefuseDuringBackOffAsync(keys, normalised, ct);

        var user = await db.StaffUsers.FirstOrDefaultAsync(u => u.Email == normalised, ct);
        // An unknown email costs the same hashing as a real check, so timing does not reveal which emails exist.
        PasswordVerificationResult verdict;
        if (user is null)
        {
            hasher.VerifyHashedPassword(new StaffUser(), DummyHash(), password);
            verdict = PasswordVerificationResult.Failed;
        }
        else
        {
            verdict = hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        }
        if (verdict == PasswordVerificationResult.Failed)
        {
            throw await FailAsync(keys, user?.Id, normalised, "auth.sign-in-failed", AdminProblems.SignInFailed(), ct);
        }
        if (user!.Disabled)
        {
            audit.Add(user.Id, normalised, "auth.sign-in-failed", normalised, StatusCodes.Status401Unauthorized, "{\"reason\":\"disabled\"}");
            await db.SaveChangesAsync(ct);
            throw AdminProblems.SignInFailed();
        }
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            // Hashed with fewer iterations than we ask for now: upgrade while we hold the password.
            user.PasswordHash = hasher.HashPassword(user, password);
        }
        var now = clock.GetUtcNow();
        user.LastSignInAt = now;
        var session = StartFamily(user, now);
        await db.SaveChangesAsync(ct);
        await throttles.ResetAccountAsync(keys, ct);
        return session;
    }

    /// <summary>
    /// Exchanges a refresh token for a new pair. Only one request can turn a live token into a used one (a
    /// conditional UPDATE); the others are refused. A used token presented again after the grace period means
    /// it was copied: every token of its session family is revoked and the account's access tokens end.
    /// </summary>
    public async Task<StaffSession> RefreshAsync(string refreshToken, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var hash = Hash(refreshToken);
        var childId = Guid.NewGuid();
        var sessionsFrom = now - options.Value.AbsoluteSessionLifetime;

        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var won = await db.RefreshTokens
                .Where(t => t.TokenHash == hash && t.RevokedAt == null && t.ExpiresAt > now && t.SessionStartedAt > sessionsFrom)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now).SetProperty(t => t.ReplacedBy, childId), ct);
            if (won == 1)
            {
                var parent = await db.RefreshTokens.AsNoTracking().FirstAsync(t => t.TokenHash == hash, ct);
                var user = await db.StaffUsers.FirstAsync(u => u.Id == parent.StaffId, ct);
                if (user.Disabled)
                {
                    throw AdminProblems.RefreshRefused(); // rolls back: nothing changes
                }
                var session = Issue(user, now, parent.FamilyId, parent.SessionStartedAt, childId);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return session;
            }
        }

        var presented = await db.RefreshTokens.AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash, ct);
        if (presented?.RevokedAt is { } revokedAt
            && !(presented.ReplacedBy is not null && now - revokedAt <= options.Value.RefreshReuseGracePeriod))
        {
            await EndFamilyAfterReuseAsync(presented, now, ct);
        }
        throw AdminProblems.RefreshRefused();
    }

    /// <summary>Ends this session (its refresh family) and, through the stamp, every access token of the account.</summary>
    public async Task SignOutAsync(Guid staffId, string refreshToken, CancellationToken ct)
    {
        var hash = Hash(refreshToken);
        var family = await db.RefreshTokens.Where(t => t.StaffId == staffId && t.TokenHash == hash).Select(t => (Guid?)t.FamilyId).FirstOrDefaultAsync(ct);
        if (family is { } familyId)
        {
            await RevokeFamilyAsync(familyId, clock.GetUtcNow(), ct);
        }
        // Other devices' access tokens end too; their refresh tokens still work, so they carry on after one refresh.
        await stamps.RenewAsync(staffId, ct);
    }

    /// <summary>Revokes every refresh token of the account and ends its access tokens.</summary>
    public async Task SignOutEverywhereAsync(System.Security.Claims.ClaimsPrincipal staff, Guid staffId, CancellationToken ct)
    {
        await RevokeAllAsync(staffId, clock.GetUtcNow(), ct);
        await stamps.RenewAsync(staffId, ct);
        await audit.RecordAsync(staff, "auth.sign-out-everywhere", staffId.ToString(), StatusCodes.Status204NoContent, null, ct);
    }

    /// <summary>Throttled like sign-in: a wrong current password counts against the account and the address.</summary>
    public async Task ChangePasswordAsync(System.Security.Claims.ClaimsPrincipal staff, Guid staffId, string current, string next, IPAddress? client, CancellationToken ct)
    {
        var user = await db.StaffUsers.FirstOrDefaultAsync(u => u.Id == staffId, ct) ?? throw AdminProblems.StaffNotFound();
        var keys = ThrottleKeys.For(user.Email, client);
        await RefuseDuringBackOffAsync(keys, user.Email, ct);
        if (passwords.Problems(next, user.Email) is { Count: > 0 } problems)
        {
            throw AdminProblems.PasswordRefused("newPassword", problems);
        }
        if (hasher.VerifyHashedPassword(user, user.PasswordHash, current) == PasswordVerificationResult.Failed)
        {
            throw await FailAsync(keys, user.Id, user.Email, "auth.password-change-failed", AdminProblems.NotCurrentPassword(), ct);
        }
        user.PasswordHash = hasher.HashPassword(user, next);
        SecurityStamps.Renew(user);
        audit.Add(staff, "staff.password-change", staffId.ToString(), StatusCodes.Status204NoContent);
        await db.SaveChangesAsync(ct);
        stamps.Forget(staffId);
        await RevokeAllAsync(staffId, clock.GetUtcNow(), ct);
        await throttles.ResetAccountAsync(keys, ct);
    }

    public Task RevokeAllAsync(Guid staffId, DateTimeOffset now, CancellationToken ct) =>
        db.RefreshTokens.Where(t => t.StaffId == staffId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), ct);

    public string HashPassword(StaffUser user, string password) => hasher.HashPassword(user, password);

    public static StaffSummary Summary(StaffUser u) => new(u.Id, u.Email, u.Name, u.Roles, u.PractitionerId, u.Disabled);

    private async Task RefuseDuringBackOffAsync(ThrottleKeys keys, string email, CancellationToken ct)
    {
        if (await throttles.RemainingBackOffAsync(keys, ct) is { } wait)
        {
            LogRefusedDuringBackOff(logger, email, wait.TotalSeconds);
            throw AdminProblems.TooManyAttempts(wait);
        }
    }

    private async Task<Exception> FailAsync(ThrottleKeys keys, Guid? staffId, string email, string action, Exception problem, CancellationToken ct)
    {
        var backOff = await throttles.RecordFailureAsync(keys, ct);
        audit.Add(staffId, email, action, email, StatusCodes.Status401Unauthorized, staffId is null ? "{\"account\":\"unknown\"}" : null);
        LogFailure(logger, action, email, staffId is not null);
        if (backOff is { } wait)
        {
            audit.Add(staffId, email, "auth.back-off", email, StatusCodes.Status429TooManyRequests, $"{{\"seconds\":{Math.Ceiling(wait.TotalSeconds)}}}");
            LogBackOff(logger, email, wait.TotalSeconds);
        }
        await db.SaveChangesAsync(ct);
        return backOff is { } w ? AdminProblems.TooManyAttempts(w) : problem;
    }

    private async Task EndFamilyAfterReuseAsync(RefreshToken presented, DateTimeOffset now, CancellationToken ct)
    {
        var revoked = await RevokeFamilyAsync(presented.FamilyId, now, ct);
        await stamps.RenewAsync(presented.StaffId, ct);
        var email = await db.StaffUsers.Where(u => u.Id == presented.StaffId).Select(u => u.Email).FirstOrDefaultAsync(ct) ?? "unknown";
        audit.Add(presented.StaffId, email, "auth.refresh-reuse", presented.FamilyId.ToString(), StatusCodes.Status401Unauthorized,
            $"{{\"revokedTokens\":{revoked}}}");
        await db.SaveChangesAsync(ct);
        LogRefreshReuse(logger, email, presented.FamilyId, revoked);
    }

    private Task<int> RevokeFamilyAsync(Guid familyId, DateTimeOffset now, CancellationToken ct) =>
        db.RefreshTokens.Where(t => t.FamilyId == familyId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), ct);

    private StaffSession StartFamily(StaffUser user, DateTimeOffset now)
    {
        var id = Guid.NewGuid();
        return Issue(user, now, familyId: id, sessionStartedAt: now, id);
    }

    private StaffSession Issue(StaffUser user, DateTimeOffset now, Guid familyId, DateTimeOffset sessionStartedAt, Guid tokenId)
    {
        var access = tokens.Issue(new StaffIdentity(user.Id, user.Email, user.Name, user.Roles, user.PractitionerId, user.SecurityStamp));
        var refresh = Base64Url(RandomNumberGenerator.GetBytes(32));
        var sessionEnds = sessionStartedAt + options.Value.AbsoluteSessionLifetime;
        var byLifetime = now + options.Value.RefreshTokenLifetime;
        var refreshExpires = byLifetime < sessionEnds ? byLifetime : sessionEnds;
        db.RefreshTokens.Add(new RefreshToken
        {
            Id = tokenId, StaffId = user.Id, TokenHash = Hash(refresh), FamilyId = familyId, SessionStartedAt = sessionStartedAt,
            CreatedAt = now, ExpiresAt = refreshExpires,
        });
        return new StaffSession(access.AccessToken, access.ExpiresAt, refresh, refreshExpires, Summary(user));
    }

    private string DummyHash() => _dummyHash ??= hasher.HashPassword(new StaffUser(), Guid.NewGuid().ToString());
    private static string? _dummyHash;

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Action} for {Email} (known account: {KnownAccount})")]
    private static partial void LogFailure(ILogger logger, string action, string email, bool knownAccount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in back-off of {Seconds} s started for {Email} or its client address")]
    private static partial void LogBackOff(ILogger logger, string email, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused an attempt for {Email} during a back-off ({Seconds} s left)")]
    private static partial void LogRefusedDuringBackOff(ILogger logger, string email, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A used refresh token of {Email} was presented again: revoked {Revoked} tokens of session {FamilyId} and ended its access tokens")]
    private static partial void LogRefreshReuse(ILogger logger, string email, Guid familyId, int revoked);
}
