using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Messaging.Data;

/// <summary>
/// PostgreSQL advisory locks held until the current transaction commits or rolls back. They serialise
/// work that row locks cannot: rows that do not exist yet, or a decision spanning several rows.
/// </summary>
public static class AdvisoryLocks
{
    /// <summary>Waits for, then holds, the transaction-scoped advisory lock <paramref name="key"/>.</summary>
    public static async Task LockForTransactionAsync(this DbContext db, long key, CancellationToken ct) =>
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", ct);

    /// <summary>The same, keyed by an id; two ids that fold to one key only ever wait for each other.</summary>
    public static Task LockForTransactionAsync(this DbContext db, Guid id, CancellationToken ct) =>
        db.LockForTransactionAsync(KeyOf(id), ct);

    /// <summary>Folds the 128-bit id into the lock's 64-bit key.</summary>
    internal static long KeyOf(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes);
        return BitConverter.ToInt64(bytes[..8]) ^ BitConverter.ToInt64(bytes[8..]);
    }
}
