using System.Collections.Concurrent;
using Aspire.Hosting.ApplicationModel;

namespace CultureHealth.AppHost.Supervision;

/// <summary>
/// Aspire starts each process once; this starts it again. It watches every resource marked with
/// <see cref="RestartOnExitExtensions.WithRestartOnExit"/> through the resource notifications and, when one fails to
/// start or ends abnormally (a crash, kill -9, out of memory: any exit code but 0; DCP reports the code with the exit), runs the resource's own start
/// command after <see cref="RestartBackoff"/>'s delay. A clean exit (0) is a stop on purpose and is left alone: the
/// dashboard's Stop sends SIGTERM, on which every process here ends with 0, and so does the AppHost's own shutdown
/// (the watch ends when it begins). The dashboard shows each restart: the resource's console log says why, and
/// its "Restarts" property counts them.
/// </summary>
internal sealed partial class RestartSupervisor(
    DistributedApplicationModel model,
    ResourceNotificationService notifications,
    ResourceCommandService commands,
    ResourceLoggerService resourceLogs,
    RestartBackoff backoff,
    TimeProvider clock,
    IHostApplicationLifetime lifetime,
    ILogger<RestartSupervisor> logger) : BackgroundService
{
    public const string RestartsProperty = "culturehealth.restarts";

    private readonly ConcurrentDictionary<string, Supervised> _byResourceId = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Shutting down stops every process: none of those exits is a crash.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lifetime.ApplicationStopping);
        stoppingToken = stopping.Token;
        var names = model.Resources.Where(r => r.Annotations.OfType<RestartOnExitAnnotation>().Any()).Select(r => r.Name).ToHashSet();
        try
        {
            await foreach (var update in notifications.WatchAsync(stoppingToken))
            {
                if (names.Contains(update.Resource.Name))
                {
                    Observe(update, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The AppHost is stopping: so is every process, on purpose.
        }
    }

    private void Observe(ResourceEvent update, CancellationToken stoppingToken)
    {
        var supervised = _byResourceId.GetOrAdd(update.ResourceId, _ => new Supervised());
        var state = update.Snapshot.State?.Text;
        lock (supervised)
        {
            if (state == KnownResourceStates.Stopping)
            {
                supervised.StopRequested = true;
                return;
            }
            if (state is not null && (state == KnownResourceStates.Starting || state == KnownResourceStates.Running))
            {
                if (state == KnownResourceStates.Running)
                {
                    supervised.RunningSince ??= clock.GetUtcNow();
                }
                supervised.RestartPending = false;
                supervised.StopRequested = false;
                return;
            }
            var failedToStart = state == KnownResourceStates.FailedToStart;
            var endedAbnormally = (state == KnownResourceStates.Exited || state == KnownResourceStates.Finished) && update.Snapshot.ExitCode is { } code && code != 0;
            if (!(failedToStart || endedAbnormally) || supervised.RestartPending || supervised.StopRequested || stoppingToken.IsCancellationRequested)
            {
                return;
            }
            var ranFor = clock.GetUtcNow() - (supervised.RunningSince ?? clock.GetUtcNow());
            supervised.QuickExits = ranFor < backoff.StableAfter ? supervised.QuickExits + 1 : 1;
            supervised.RunningSince = null;
            supervised.RestartPending = true;
            supervised.Restarts++;
            var delay = backoff.DelayBefore(supervised.QuickExits);
            var resourceLog = resourceLogs.GetLogger(update.ResourceId);
            LogRestarting(resourceLog, update.Resource.Name, state!, update.Snapshot.ExitCode, supervised.Restarts, delay.TotalSeconds);
            LogRestarting(logger, update.Resource.Name, state!, update.Snapshot.ExitCode, supervised.Restarts, delay.TotalSeconds);
            _ = RestartAsync(update, supervised.Restarts, delay, stoppingToken);
        }
    }

    private async Task RestartAsync(ResourceEvent exited, int restarts, TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await notifications.PublishUpdateAsync(exited.Resource, exited.ResourceId, snapshot => snapshot with
            {
                Properties = snapshot.Properties.RemoveAll(p => p.Name == RestartsProperty)
                    .Add(new ResourcePropertySnapshot(RestartsProperty, restarts) { DisplayName = "Restarts" }),
            });
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, clock, stoppingToken);
            }
            var result = await commands.ExecuteCommandAsync(exited.ResourceId, KnownResourceCommands.StartCommand, stoppingToken);
            if (!result.Success)
            {
                // Some states offer restart rather than start; either brings it back.
                result = await commands.ExecuteCommandAsync(exited.ResourceId, KnownResourceCommands.RestartCommand, stoppingToken);
            }
            if (!result.Success)
            {
                LogRestartFailed(logger, exited.Resource.Name, result.Message);
                Retry(exited.ResourceId);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            LogRestartError(logger, e, exited.Resource.Name);
            Retry(exited.ResourceId);
        }
    }

    /// <summary>The start did not happen: the next notification of the still-exited resource tries again.</summary>
    private void Retry(string resourceId)
    {
        if (_byResourceId.TryGetValue(resourceId, out var supervised))
        {
            lock (supervised)
            {
                supervised.RestartPending = false;
            }
        }
    }

    private sealed class Supervised
    {
        public DateTimeOffset? RunningSince { get; set; }
        public int QuickExits { get; set; }
        public int Restarts { get; set; }
        public bool RestartPending { get; set; }
        public bool StopRequested { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Supervisor: {Resource} is {State} (exit code {ExitCode}); restart {Restarts} in {DelaySeconds} s")]
    private static partial void LogRestarting(ILogger logger, string resource, string state, int? exitCode, int restarts, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Supervisor: could not start {Resource} again: {Reason}")]
    private static partial void LogRestartFailed(ILogger logger, string resource, string? reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Supervisor: could not start {Resource} again")]
    private static partial void LogRestartError(ILogger logger, Exception exception, string resource);
}
