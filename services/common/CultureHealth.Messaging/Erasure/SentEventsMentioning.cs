using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Messaging.Erasure;

/// <summary>
/// Events already published keep a copy of what they said in the outbox table until the janitor removes them
/// (Outbox:SentRetention, an hour by default). An erasure does not wait for that: the sent events that name the address
/// go now. Events not yet sent stay, since they must still be delivered; the janitor removes them an hour after sending.
/// </summary>
public static class SentEventsMentioning
{
    /// <summary>
    /// Deletes the sent outbox rows whose payload contains <paramref name="email"/>; runs in the caller's transaction.
    /// The payload is jsonb, whose text form holds strings decoded (no \u escapes), so the address matches as typed; it is
    /// compared in lower case, since events carry the address as the patient typed it (an order's "Name@Example.com").
    /// </summary>
    public static async Task<int> ForgetAsync(DbContext db, string email, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Database.ExecuteSqlInterpolatedAsync(
            $"DELETE FROM outbox_messages WHERE sent_at IS NOT NULL AND strpos(lower(payload::text), {email.ToLowerInvariant()}) > 0", ct);
    }
}
