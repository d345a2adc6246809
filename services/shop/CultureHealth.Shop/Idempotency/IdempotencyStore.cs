using System.Security.Cryptography;
using System.Text.Json;
using CultureHealth.ServiceDefaults.Problems;
using CultureHealth.Shop.Data;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Shop.Idempotency;

/// <summary>
/// Idempotency-Key handling inside the caller's transaction. Claiming inserts the key; a concurrent request
/// with the same key blocks on the primary key until the first commits (then replays its response) or
/// rolls back (then goes ahead itself), so two requests with one key never both act.
/// </summary>
internal sealed class IdempotencyStore(ShopDbContext db, TimeProvider clock)
{
    public static string HashRequest<T>(T request, JsonSerializerOptions json) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request, json)));

    /// <returns>Null when this request now owns the key; otherwise the stored first response to replay.</returns>
    public async Task<IdempotencyRecord?> ClaimAsync(string scope, string key, string requestHash, CancellationToken ct)
    {
        var inserted = await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO idempotency_records (scope, key, request_hash, response_status, response_body, created_at)
            VALUES ({scope}, {key}, {requestHash}, 0, 'null'::jsonb, {clock.GetUtcNow()})
            ON CONFLICT DO NOTHING
            """, ct);
        if (inserted == 1)
        {
            return null;
        }

        var existing = await db.IdempotencyRecords.AsNoTracking().SingleAsync(r => r.Scope == scope && r.Key == key, ct);
        if (existing.RequestHash != requestHash)
        {
            throw ProblemException.Unprocessable(
                "Idempotency-Key", "This Idempotency-Key was already used for a different request; use a new key.");
        }

        return existing;
    }

    public Task CompleteAsync(string scope, string key, int status, string responseBody, CancellationToken ct) =>
        db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE idempotency_records SET response_status = {status}, response_body = CAST({responseBody} AS jsonb) WHERE scope = {scope} AND key = {key}",
            ct);
}
