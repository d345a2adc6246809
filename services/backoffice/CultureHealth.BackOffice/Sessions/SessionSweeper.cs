using CultureHealth.ServiceDefaults.Hosting;

namespace CultureHealth.BackOffice.Sessions;

/// <summary>Deletes sessions that ended by idling or age, so the table holds only live ones (and their sealed tokens).</summary>
public sealed partial class SessionSweeper(IServiceScopeFactory scopes, TimeProvider clock, ILogger<SessionSweeper> logger)
    : PeriodicBackgroundService(clock)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(5);

    protected override bool RunsAtStart => false;

    protected override async Task RunRoundAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var removed = await scope.ServiceProvider.GetRequiredService<SessionStore>().SweepAsync(cancellationToken);
        if (removed > 0)
        {
            LogSwept(logger, removed);
        }
    }

    protected override void OnRoundFailed(Exception exception) => LogFailed(logger, exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} ended back-office sessions")]
    private static partial void LogSwept(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweeping ended back-office sessions failed; the next round retries")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
