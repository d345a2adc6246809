using CultureHealth.ServiceDefaults.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CultureHealth.Messaging.Outbox;

/// <summary>
/// Deletes outbox rows that were sent longer ago than <see cref="OutboxOptions.SentRetention"/>.
/// Unsent rows are never touched, however old: they are the events still owed to the broker.
/// </summary>
public sealed partial class OutboxJanitor<TDbContext>(
    IServiceScopeFactory scopes,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxJanitor<TDbContext>> logger) : PeriodicBackgroundService(clock)
    where TDbContext : DbContext
{
    protected override TimeSpan Interval => options.Value.CleanupInterval;

    protected override bool RunsAtStart => false;

    protected override async Task RunRoundAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var cutoff = Clock.GetUtcNow() - options.Value.SentRetention;
        var deleted = await db.Set<OutboxMessage>().Where(m => m.SentAt != null && m.SentAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        if (deleted > 0)
        {
            LogDeleted(logger, deleted);
        }
    }

    protected override void OnRoundFailed(Exception exception) => LogCleanupFailed(logger, exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Deleted {Count} sent outbox messages past their retention")]
    private static partial void LogDeleted(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox cleanup failed; will try again")]
    private static partial void LogCleanupFailed(ILogger logger, Exception exception);
}
