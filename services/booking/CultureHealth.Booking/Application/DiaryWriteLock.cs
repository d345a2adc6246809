using System.Collections.Concurrent;
using CultureHealth.Messaging.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CultureHealth.Booking.Application;

/// <summary>
/// Serialises writes to one practitioner's diary. The exclusion constraint alone keeps the diary
/// consistent, but two transactions inserting overlapping ranges at once each see the other's index
/// entry and wait for it: PostgreSQL breaks that cycle with a deadlock error after a second, so under
/// a burst the losers got 500s and timeouts instead of a prompt 409. Taking a per-practitioner lock
/// first turns the race into a queue: each writer finds the winner already committed and fails fast.
/// The in-process gate keeps a burst from parking a pooled connection per waiting request; the
/// advisory lock does the same job across replicas of the service.
/// </summary>
public sealed class DiaryWriteLock(IOptions<BookingOptions> options)
{
    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> _gates = new();

    private TimeSpan Timeout => TimeSpan.FromMilliseconds(options.Value.DiaryLockTimeoutMilliseconds);

    /// <summary>Waits for this instance's turn on the practitioner's diary; dispose to let the next writer in.</summary>
    public async Task<IDisposable> EnterAsync(Guid practitionerId, CancellationToken ct)
    {
        // Practitioners are few and long-lived, so one semaphore each is kept for the process's life.
        var gate = _gates.GetOrAdd(practitionerId, static _ => new SemaphoreSlim(1, 1));
        if (!await gate.WaitAsync(Timeout, ct))
        {
            throw BookingProblems.DiaryBusy();
        }

        return new Turn(gate);
    }

    /// <summary>
    /// Takes the practitioner's advisory lock in the current transaction (released at commit or rollback)
    /// and bounds every lock wait in it, so a stuck writer costs others a clear 409, not a gateway timeout.
    /// </summary>
    public async Task LockInTransactionAsync(DbContext db, Guid practitionerId, CancellationToken ct)
    {
        await BoundLockWaitsAsync(db, ct);
        await db.LockForTransactionAsync(practitionerId, ct);
    }

    /// <summary>Bounds every lock wait in the current transaction by the diary lock timeout (55P03 when it runs out).</summary>
    public async Task BoundLockWaitsAsync(DbContext db, CancellationToken ct)
    {
        var timeoutMs = (int)Timeout.TotalMilliseconds;
        await db.Database.ExecuteSqlAsync(
            $"SELECT set_config('lock_timeout', {timeoutMs.ToString(System.Globalization.CultureInfo.InvariantCulture)}, true)", ct);
    }

    private sealed class Turn(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
