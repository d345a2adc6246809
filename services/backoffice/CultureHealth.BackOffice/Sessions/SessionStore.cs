using System.Text;
using CultureHealth.BackOffice.AdminApi;
using CultureHealth.BackOffice.Data;
using CultureHealth.ServiceDefaults.Secrets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CultureHealth.BackOffice.Sessions;

/// <summary>The outcome of asking for a session's access token: a token, admin unreachable, or the session is over.</summary>
public readonly record struct AccessToken(string? Token, AdminProblem? Problem)
{
    public bool SessionEnded => Token is null && Problem is null;
}

/// <summary>
/// Server-side staff sessions in PostgreSQL, shared by every replica: create at sign-in, find (and keep alive)
/// per request, refresh the access token when it is about to expire, end one or all of a staff member's.
/// </summary>
public sealed partial class SessionStore(
    BackOfficeDbContext db, AdminConnection admin, IOptions<BackOfficeOptions> options, TimeProvider clock, ILogger<SessionStore> logger)
{
    /// <summary>Refresh this long before the access token expires, so a request never leaves with a dying token.</summary>
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromSeconds(60);

    /// <summary>Last-seen is written at most this often per session (a page load writes nothing most of the time).</summary>
    private static readonly TimeSpan TouchGranularity = TimeSpan.FromSeconds(30);

    private BackOfficeOptions Options => options.Value;

    /// <summary>Stores a new session for freshly issued tokens; returns the id for the cookie (never stored itself).</summary>
    public async Task<string> CreateAsync(StaffTokens tokens, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var id = SessionSecret.New();
        var absolute = now + Options.AbsoluteLifetime;
        db.Sessions.Add(new StaffSession
        {
            IdHash = SessionSecret.Hash(id),
            StaffId = tokens.Staff.Id,
            Email = tokens.Staff.Email,
            Name = tokens.Staff.Name,
            Roles = [.. tokens.Staff.Roles],
            PractitionerId = tokens.Staff.PractitionerId,
            SealedAccessToken = Seal(tokens.AccessToken),
            AccessExpiresAt = tokens.ExpiresAt,
            SealedRefreshToken = Seal(tokens.RefreshToken),
            RefreshExpiresAt = tokens.RefreshExpiresAt,
            AntiforgeryToken = SessionSecret.New(),
            CreatedAt = now,
            LastSeenAt = now,
            AbsoluteExpiresAt = absolute < tokens.RefreshExpiresAt ? absolute : tokens.RefreshExpiresAt,
        });
        await db.SaveChangesAsync(ct);
        LogStarted(logger, tokens.Staff.Id);
        return id;
    }

    /// <summary>
    /// The live session for a cookie value, or null. <paramref name="activity"/> false (a page refreshing
    /// itself) does not count as the member of staff being there, so it does not hold off the idle timeout.
    /// </summary>
    public async Task<StaffSession?> FindAsync(string? sessionId, bool activity, CancellationToken ct)
    {
        if (!SessionSecret.IsWellFormed(sessionId))
        {
            return null;
        }
        var hash = SessionSecret.Hash(sessionId!);
        var session = await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.IdHash == hash, ct);
        if (session is null)
        {
            return null;
        }
        var now = clock.GetUtcNow();
        if (now >= session.LastSeenAt + Options.IdleTimeout || now >= session.AbsoluteExpiresAt || now >= session.RefreshExpiresAt)
        {
            await EndAsync(session, ct);
            return null;
        }
        if (activity && now - session.LastSeenAt >= TouchGranularity)
        {
            await db.Sessions.Where(s => s.IdHash == hash).ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAt, now), ct);
            session.LastSeenAt = now;
        }
        return session;
    }

    /// <summary>
    /// A usable access token for the session, refreshed through admin when it is about to expire, or at once when
    /// <paramref name="refuseCurrent"/> says admin refused the current one (its account's security stamp changed:
    /// a sign-out on another device, a role change). Replicas and
    /// parallel requests take turns on the session's row: a refresh token works once, and admin treats a second
    /// use as theft and signs the account out everywhere.
    /// </summary>
    public async Task<AccessToken> AccessTokenAsync(StaffSession session, CancellationToken ct, bool refuseCurrent = false)
    {
        var now = clock.GetUtcNow();
        if (!refuseCurrent && session.AccessExpiresAt - RefreshMargin > now)
        {
            return new AccessToken(Open(session.SealedAccessToken), null);
        }
        var refused = session.SealedAccessToken;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var current = await db.Sessions.FromSql($"SELECT * FROM staff_sessions WHERE id_hash = {session.IdHash} FOR UPDATE")
            .AsNoTracking().FirstOrDefaultAsync(ct);
        if (current is null)
        {
            return default;
        }
        // Another request refreshed it while this one waited for the row (or, when admin refused the token we had,
        // already replaced it with a newer one).
        if (current.AccessExpiresAt - RefreshMargin > now && (!refuseCurrent || !current.SealedAccessToken.AsSpan().SequenceEqual(refused)))
        {
            await tx.CommitAsync(ct);
            CopyTokens(current, session);
            return new AccessToken(Open(current.SealedAccessToken), null);
        }

        var refreshToken = Open(current.SealedRefreshToken);
        var refreshed = refreshToken is null
            ? new AdminResult<StaffTokens>(default, new AdminProblem(401, "Unreadable", null, new Dictionary<string, string[]>(), null))
            : await admin.SendAsync<StaffTokens>(HttpMethod.Post, "api/admin/auth/refresh", new { refreshToken }, null, null, ct);
        if (refreshed.Problem is { IsUnavailable: true } or { Status: 429 })
        {
            return new AccessToken(null, refreshed.Problem);
        }
        if (refreshed.Value is not { } tokens)
        {
            await db.Sessions.Where(s => s.IdHash == session.IdHash).ExecuteDeleteAsync(ct);
            await tx.CommitAsync(ct);
            LogRefreshRefused(logger, session.StaffId, refreshed.Problem?.Status ?? 0);
            return default;
        }

        var roles = tokens.Staff.Roles.ToList();
        await db.Sessions.Where(s => s.IdHash == session.IdHash).ExecuteUpdateAsync(u => u
            .SetProperty(s => s.SealedAccessToken, Seal(tokens.AccessToken))
            .SetProperty(s => s.AccessExpiresAt, tokens.ExpiresAt)
            .SetProperty(s => s.SealedRefreshToken, Seal(tokens.RefreshToken))
            .SetProperty(s => s.RefreshExpiresAt, tokens.RefreshExpiresAt)
            // Roles and names changed by an administrator take effect at the next refresh.
            .SetProperty(s => s.Roles, roles)
            .SetProperty(s => s.Name, tokens.Staff.Name)
            .SetProperty(s => s.PractitionerId, tokens.Staff.PractitionerId), ct);
        await tx.CommitAsync(ct);
        session.SealedAccessToken = Seal(tokens.AccessToken);
        session.AccessExpiresAt = tokens.ExpiresAt;
        session.SealedRefreshToken = Seal(tokens.RefreshToken);
        session.RefreshExpiresAt = tokens.RefreshExpiresAt;
        session.Roles = roles;
        return new AccessToken(tokens.AccessToken, null);
    }

    public string? RefreshTokenOf(StaffSession session) => Open(session.SealedRefreshToken);

    public async Task EndAsync(StaffSession session, CancellationToken ct)
    {
        await db.Sessions.Where(s => s.IdHash == session.IdHash).ExecuteDeleteAsync(ct);
        LogEnded(logger, session.StaffId);
    }

    /// <summary>Every back-office session of one member of staff, in every browser.</summary>
    public Task<int> EndAllAsync(Guid staffId, CancellationToken ct) =>
        db.Sessions.Where(s => s.StaffId == staffId).ExecuteDeleteAsync(ct);

    /// <summary>Removes sessions that can no longer be used (the periodic sweep; look-ups also end them lazily).</summary>
    public Task<int> SweepAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var idleSince = now - Options.IdleTimeout;
        return db.Sessions.Where(s => s.LastSeenAt <= idleSince || s.AbsoluteExpiresAt <= now || s.RefreshExpiresAt <= now).ExecuteDeleteAsync(ct);
    }

    private static void CopyTokens(StaffSession from, StaffSession to)
    {
        to.SealedAccessToken = from.SealedAccessToken;
        to.AccessExpiresAt = from.AccessExpiresAt;
        to.SealedRefreshToken = from.SealedRefreshToken;
        to.RefreshExpiresAt = from.RefreshExpiresAt;
        to.Roles = from.Roles;
    }

    private byte[] Seal(string token) => SecretBox.Seal(Options.SessionKeyBytes(), Encoding.UTF8.GetBytes(token));

    private string? Open(byte[] sealedToken) =>
        SecretBox.Open(Options.SessionKeyBytes(), sealedToken) is { } plain ? Encoding.UTF8.GetString(plain) : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Back-office session started for staff {StaffId}")]
    private static partial void LogStarted(ILogger logger, Guid staffId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Back-office session ended for staff {StaffId}")]
    private static partial void LogEnded(ILogger logger, Guid staffId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Admin refused to refresh staff {StaffId}'s session ({Status}); the session ends")]
    private static partial void LogRefreshRefused(ILogger logger, Guid staffId, int status);
}
