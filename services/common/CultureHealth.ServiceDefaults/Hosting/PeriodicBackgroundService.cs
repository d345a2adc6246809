using Microsoft.Extensions.Hosting;

namespace CultureHealth.ServiceDefaults.Hosting;

/// <summary>
/// Work a service does now and then for as long as it runs (sweeps, samplers, reminders): one round at start
/// unless <see cref="RunsAtStart"/> says otherwise, then one every <see cref="Interval"/> of the injected clock.
/// A round that throws is handed to <see cref="OnRoundFailed"/> and the next tick tries again, because one bad
/// round (the database briefly away) must never stop the work for the life of the process.
/// </summary>
public abstract class PeriodicBackgroundService(TimeProvider clock) : BackgroundService
{
    protected TimeProvider Clock { get; } = clock;

    protected abstract TimeSpan Interval { get; }

    protected virtual bool RunsAtStart => true;

    protected abstract Task RunRoundAsync(CancellationToken cancellationToken);

    protected abstract void OnRoundFailed(Exception exception);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, Clock);
        try
        {
            if (RunsAtStart)
            {
                await RunGuardedAsync(stoppingToken);
            }

            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await RunGuardedAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RunGuardedAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RunRoundAsync(stoppingToken);
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            OnRoundFailed(exception);
        }
    }
}
