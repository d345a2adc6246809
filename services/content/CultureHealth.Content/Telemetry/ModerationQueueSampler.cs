using CultureHealth.Content.Data;
using CultureHealth.Content.Domain;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Content.Telemetry;

/// <summary>
/// Counts the comments held for a moderator now and then: a gauge read on every scrape must not query the
/// database, and a count summed from counters would drift with every restart.
/// </summary>
public sealed partial class ModerationQueueSampler(
    IServiceScopeFactory scopes, ContentMetrics metrics, TimeProvider clock, ILogger<ModerationQueueSampler> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            do
            {
                await SampleAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task SampleAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
            metrics.ReportAwaitingModeration(await db.Comments.LongCountAsync(c => c.Status == CommentStatus.Pending, ct));
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            LogSampleFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Counting comments awaiting moderation failed; keeping the last count")]
    private static partial void LogSampleFailed(ILogger logger, Exception exception);
}
