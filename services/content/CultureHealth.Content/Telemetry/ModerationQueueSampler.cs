using CultureHealth.Content.Data;
using CultureHealth.Content.Domain;
using CultureHealth.ServiceDefaults.Hosting;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Content.Telemetry;

/// <summary>
/// Counts the comments held for a moderator now and then: a gauge read on every scrape must not query the
/// database, and a count summed from counters would drift with every restart.
/// </summary>
public sealed partial class ModerationQueueSampler(
    IServiceScopeFactory scopes, ContentMetrics metrics, TimeProvider clock, ILogger<ModerationQueueSampler> logger) : PeriodicBackgroundService(clock)
{
    private static readonly TimeSpan SampleInterval = TimeSpan.FromSeconds(30);

    protected override TimeSpan Interval => SampleInterval;

    protected override async Task RunRoundAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
        metrics.ReportAwaitingModeration(await db.Comments.LongCountAsync(c => c.Status == CommentStatus.Pending, cancellationToken));
    }

    protected override void OnRoundFailed(Exception exception) => LogSampleFailed(logger, exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Counting comments awaiting moderation failed; keeping the last count")]
    private static partial void LogSampleFailed(ILogger logger, Exception exception);
}
