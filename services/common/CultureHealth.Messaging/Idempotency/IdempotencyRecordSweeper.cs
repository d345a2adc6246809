using CultureHealth.ServiceDefaults.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CultureHealth.Messaging.Idempotency;

/// <summary>Deletes idempotency records past their expiry, every <see cref="IdempotencyOptions.SweepInterval"/>.</summary>
public sealed partial class IdempotencyRecordSweeper<TDbContext>(
    IServiceScopeFactory scopes,
    IOptions<IdempotencyOptions> options,
    TimeProvider clock,
    ILogger<IdempotencyRecordSweeper<TDbContext>> logger) : PeriodicBackgroundService(clock)
    where TDbContext : DbContext
{
    protected override TimeSpan Interval => options.Value.SweepInterval;

    protected override async Task RunRoundAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var now = Clock.GetUtcNow();
        var deleted = await db.Set<IdempotencyRecord>().Where(r => r.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        if (deleted > 0)
        {
            LogDeleted(logger, deleted);
        }
    }

    protected override void OnRoundFailed(Exception exception) => LogSweepFailed(logger, exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Deleted {Count} expired idempotency records")]
    private static partial void LogDeleted(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Idempotency record sweep failed; will try again")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
