using Microsoft.Extensions.DependencyInjection;

namespace CultureHealth.ServiceDefaults.Hosting;

/// <summary>
/// A periodic job that works through what is due a batch at a time (retention, clean-ups): each batch in a scope of
/// its own, so one unit of work never grows with the backlog, and batches follow each other until one comes back
/// short. Batches must be idempotent: replicas run the same job side by side.
/// </summary>
public abstract class BatchedPeriodicService(IServiceScopeFactory scopes, TimeProvider clock) : PeriodicBackgroundService(clock)
{
    protected virtual int BatchSize => 500;

    /// <returns>How many items the batch handled (at most <paramref name="batchSize"/>).</returns>
    protected abstract Task<int> RunBatchAsync(IServiceProvider services, int batchSize, CancellationToken cancellationToken);

    /// <summary>After a batch that handled something: a log line, a counter.</summary>
    protected virtual void OnBatchDone(int handled)
    {
    }

    protected sealed override async Task RunRoundAsync(CancellationToken cancellationToken)
    {
        int handled;
        do
        {
            await using var scope = scopes.CreateAsyncScope();
            handled = await RunBatchAsync(scope.ServiceProvider, BatchSize, cancellationToken);
            if (handled > 0)
            {
                OnBatchDone(handled);
            }
        }
        while (handled == BatchSize);
    }
}
