using CultureHealth.ServiceDefaults.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CultureHealth.Messaging.Outbox;

/// <summary>
/// Reads how many outbox rows are unsent and when the oldest was written, for the backlog gauges.
/// A sampler of its own rather than a query in the relay's loop: the relay wakes on every commit,
/// and the alert only needs a reading every few seconds. The query is served by the partial index
/// on unsent rows, so it stays cheap however large the table of sent rows grows.
/// </summary>
public sealed partial class OutboxBacklogSampler<TDbContext>(
    IServiceScopeFactory scopes,
    OutboxMetrics metrics,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxBacklogSampler<TDbContext>> logger) : PeriodicBackgroundService(clock)
    where TDbContext : DbContext
{
    private sealed record Backlog(long Unsent, DateTimeOffset? Oldest);

    protected override TimeSpan Interval => options.Value.BacklogSampleInterval;

    protected override async Task RunRoundAsync(CancellationToken cancellationToken)
    {
        var backlog = await ReadAsync(cancellationToken);
        metrics.ReportBacklog(backlog.Unsent, backlog.Oldest);
    }

    private async Task<Backlog> ReadAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var unsent = db.Set<OutboxMessage>().Where(m => m.SentAt == null);
        var count = await unsent.LongCountAsync(ct);
        var oldest = count == 0 ? null : await unsent.MinAsync(m => (DateTimeOffset?)m.CreatedAt, ct);
        return new Backlog(count, oldest);
    }

    // Not migrated yet or the database is away: the readiness check reports that; keep the last reading.
    protected override void OnRoundFailed(Exception exception) => LogSampleFailed(logger, exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Reading the outbox backlog failed; keeping the last reading")]
    private static partial void LogSampleFailed(ILogger logger, Exception exception);
}
