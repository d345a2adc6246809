using System.Text.Json;
using CultureHealth.ServiceDefaults.Problems;
using CultureHealth.ServiceDefaults.Secrets;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CultureHealth.Messaging.Idempotency;

/// <summary>
/// Makes a request with an Idempotency-Key act once, and answers every copy of it with the first outcome.
/// A use case takes its turn (<see cref="WaitForTurnAsync"/>), opens its transaction, <see cref="ClaimAsync"/>s
/// the key, does its work, <see cref="CompleteAsync"/>s with the outcome and commits. A copy arriving while
/// the first is running waits, in this process for its turn and across replicas on the claimed row (PostgreSQL
/// holds a same-key insert until the first transaction ends), then replays the committed outcome; if the first
/// attempt failed and rolled back, nothing was claimed and the copy goes ahead itself.
/// </summary>
public sealed partial class IdempotencyStore(
    TimeProvider clock, IOptions<IdempotencyOptions> options, IOptions<JsonOptions> json, ILogger<IdempotencyStore> logger)
{
    private readonly KeyedTurns _turns = new();

    private JsonSerializerOptions Json => json.Value.SerializerOptions;

    /// <summary>
    /// Waits until no other copy of this request is running in this process. Hold the turn until the outcome is
    /// committed; copies then replay it without taking a database connection while they wait.
    /// </summary>
    public Task<IDisposable> WaitForTurnAsync(IdempotentRequest request, CancellationToken ct) =>
        _turns.EnterAsync(request.Scope.Operation + "\n" + request.KeyHash, ct);

    /// <summary>
    /// The committed outcome of an earlier attempt of this request, or null when there is none (or it expired).
    /// Needs no transaction: a cheap look before work that would otherwise refuse the request because of its own
    /// first attempt (a booking's slot is "taken" by the booking this key already made).
    /// </summary>
    /// <exception cref="ProblemException">422 naming Idempotency-Key: the key was used for a different request.</exception>
    public async Task<TOutcome?> FindReplayAsync<TOutcome>(DbContext db, IdempotentRequest request, CancellationToken ct)
        where TOutcome : class =>
        await ReplayAsync<TOutcome>(db, request, clock.GetUtcNow(), ct);

    /// <summary>
    /// Claims the key inside the caller's open transaction. Null: this request owns the key and must do the work,
    /// then <see cref="CompleteAsync"/> before committing. Otherwise the first attempt's outcome, to be returned
    /// as it is (after waiting for that attempt to commit, if it was still running).
    /// </summary>
    /// <exception cref="ProblemException">422 naming Idempotency-Key: the key was used for a different request.</exception>
    public async Task<TOutcome?> ClaimAsync<TOutcome>(DbContext db, IdempotentRequest request, CancellationToken ct)
        where TOutcome : class
    {
        RequireTransaction(db);
        var now = clock.GetUtcNow();
        var expiresAt = now + options.Value.Retention;
        // An expired record is taken over in place: it no longer replays, whether or not the sweeper got to it.
        var claimed = await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO idempotency_records (operation, key_hash, request_hash, sealed_outcome, created_at, expires_at)
            VALUES ({request.Scope.Operation}, {request.KeyHash}, {request.Fingerprint}, NULL, {now}, {expiresAt})
            ON CONFLICT (operation, key_hash) DO UPDATE
              SET request_hash = EXCLUDED.request_hash, sealed_outcome = NULL,
                  created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at
              WHERE idempotency_records.expires_at <= {now}
            """, ct);
        if (claimed == 1)
        {
            return null;
        }

        return await ReplayAsync<TOutcome>(db, request, now, ct)
            ?? throw new InvalidOperationException($"{request} is held but has no outcome to replay.");
    }

    /// <summary>Stores the outcome, sealed, in the caller's transaction: commit after this, and copies replay it.</summary>
    public async Task CompleteAsync<TOutcome>(DbContext db, IdempotentRequest request, TOutcome outcome, CancellationToken ct)
    {
        RequireTransaction(db);
        var sealedOutcome = SecretBox.Seal(request.Key.SealingKey(), JsonSerializer.SerializeToUtf8Bytes(outcome, Json));
        var completed = await db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE idempotency_records SET sealed_outcome = {sealedOutcome} WHERE operation = {request.Scope.Operation} AND key_hash = {request.KeyHash}",
            ct);
        if (completed != 1)
        {
            throw new InvalidOperationException($"{request} was not claimed in this transaction.");
        }
    }

    private async Task<TOutcome?> ReplayAsync<TOutcome>(DbContext db, IdempotentRequest request, DateTimeOffset now, CancellationToken ct)
        where TOutcome : class
    {
        var record = await db.Set<IdempotencyRecord>().AsNoTracking()
            .Where(r => r.Operation == request.Scope.Operation && r.KeyHash == request.KeyHash && r.ExpiresAt > now)
            .Select(r => new { r.RequestHash, r.SealedOutcome })
            .FirstOrDefaultAsync(ct);
        if (record is null)
        {
            return null;
        }

        if (record.RequestHash != request.Fingerprint)
        {
            throw ProblemException.Unprocessable(IdempotencyKey.HeaderName,
                "This Idempotency-Key was already used for a different request; use a new key for a new request.");
        }

        var plain = record.SealedOutcome is null ? null : SecretBox.Open(request.Key.SealingKey(), record.SealedOutcome);
        if (plain is null)
        {
            // Uncommitted claims are invisible to other transactions, so this is a record completed without an outcome or altered.
            throw new InvalidOperationException($"{request} has no outcome that its key opens.");
        }

        LogReplayed(logger, request.Scope.Operation);
        return JsonSerializer.Deserialize<TOutcome>(plain, Json);
    }

    private static void RequireTransaction(DbContext db)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Claim and complete an Idempotency-Key inside the transaction that does the work.");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Replayed the first outcome of a repeated {Operation} request")]
    private static partial void LogReplayed(ILogger logger, string operation);
}
