namespace CultureHealth.Messaging.Outbox;

/// <summary>
/// Wakes the relay the moment a transaction that wrote outbox rows commits, so events leave in
/// milliseconds; the relay's polling is only the fallback (other replicas, missed signals, retries).
/// </summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _pending = new(0, 1);

    public void Notify()
    {
        // A single pending wake-up is enough: the relay drains everything that is due when it wakes.
        if (_pending.CurrentCount == 0)
        {
            try { _pending.Release(); } catch (SemaphoreFullException) { }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _pending.WaitAsync(timeout, cancellationToken);
}
