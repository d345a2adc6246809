using System.Net;
using System.Security.Cryptography;
using System.Text;
using CultureHealth.Admin.Data;
using CultureHealth.Admin.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CultureHealth.Admin.Application;

/// <summary>The two counters a password attempt is charged to: its account (email) and its client address.</summary>
public sealed record ThrottleKeys(string Account, string Address)
{
    /// <summary>Keyed by the normalised email, known or not, so the answers cannot tell which accounts exist.</summary>
    public static ThrottleKeys For(string normalisedEmail, IPAddress? client) => new(
        "account:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalisedEmail))),
        "ip:" + (client is null ? "unknown" : client.IsIPv4MappedToIPv6 ? client.MapToIPv4().ToString() : client.ToString()));
}

/// <summary>
/// Failed-attempt counters in PostgreSQL, shared by every admin replica. Each failure is one atomic
/// <c>INSERT … ON CONFLICT DO UPDATE … RETURNING</c> (no read-modify-write), so parallel attempts all count.
/// </summary>
public sealed class SignInThrottles(AdminDbContext db, IOptions<AdminOptions> options, TimeProvider clock)
{
    private SignInBackOffOptions O => options.Value.SignInBackOff;
    private BackOffPolicy AccountPolicy => new(O.AccountFreeFailures, O.BaseDelay, O.MaxDelay, O.ForgetAfter);
    private BackOffPolicy AddressPolicy => new(O.AddressFreeFailures, O.BaseDelay, O.MaxDelay, O.ForgetAfter);

    /// <summary>How much longer either counter refuses attempts; null when both are open.</summary>
    public async Task<TimeSpan?> RemainingBackOffAsync(ThrottleKeys keys, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        string[] both = [keys.Account, keys.Address];
        var until = (await db.Database.SqlQuery<DateTimeOffset?>(
            $"SELECT max(blocked_until) AS \"Value\" FROM sign_in_throttles WHERE key = ANY({both}) AND blocked_until > {now}").ToListAsync(ct))[0];
        return until is { } u ? u - now : null;
    }

    /// <summary>Counts a failure on both keys; returns the back-off it starts (the longer of the two), if any.</summary>
    public async Task<TimeSpan?> RecordFailureAsync(ThrottleKeys keys, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var account = await CountAsync(keys.Account, AccountPolicy, now, ct);
        var address = await CountAsync(keys.Address, AddressPolicy, now, ct);
        return (account, address) switch
        {
            ({ } a, { } b) => a > b ? a : b,
            ({ } a, null) => a,
            (null, var b) => b,
        };
    }

    /// <summary>A right password clears the account's count (not the address's: one good account must not launder a spray).</summary>
    public Task ResetAccountAsync(ThrottleKeys keys, CancellationToken ct) =>
        db.SignInThrottles.Where(t => t.Key == keys.Account).ExecuteDeleteAsync(ct);

    private async Task<TimeSpan?> CountAsync(string key, BackOffPolicy policy, DateTimeOffset now, CancellationToken ct)
    {
        var forgetBefore = now - policy.ForgetAfter;
        var failures = (await db.Database.SqlQuery<int>($"""
            INSERT INTO sign_in_throttles AS t (key, failures, last_failure_at, blocked_until) VALUES ({key}, 1, {now}, NULL)
            ON CONFLICT (key) DO UPDATE SET
                failures = CASE WHEN t.last_failure_at < {forgetBefore} THEN 1 ELSE t.failures + 1 END,
                blocked_until = CASE WHEN t.last_failure_at < {forgetBefore} THEN NULL ELSE t.blocked_until END,
                last_failure_at = EXCLUDED.last_failure_at
            RETURNING t.failures AS "Value"
            """).ToListAsync(ct))[0];
        if (policy.DelayAfter(failures) is not { } delay)
        {
            return null;
        }
        var until = now + delay;
        // Only ever lengthens: a slower parallel failure cannot shorten a back-off another one set.
        await db.Database.ExecuteSqlAsync(
            $"UPDATE sign_in_throttles SET blocked_until = GREATEST(COALESCE(blocked_until, {until}), {until}) WHERE key = {key}", ct);
        return delay;
    }
}
