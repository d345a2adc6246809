using CultureHealth.Content.Data;
using CultureHealth.Content.Domain;
using CultureHealth.Content.Telemetry;
using CultureHealth.Messaging.Data;
using CultureHealth.ServiceDefaults.Hosting;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CultureHealth.Content.Application;

/// <summary>
/// Publishes scheduled articles whose time has come. Every replica runs it; the conditional UPDATE
/// (still scheduled, still due) lets exactly one of them flip each article and raise ArticlePublished.
/// </summary>
public sealed partial class ScheduledPublisher(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<ContentOptions> options, IOutputCacheStore cache,
    ContentMetrics metrics, ILogger<ScheduledPublisher> logger) : PeriodicBackgroundService(clock)
{
    private const int Batch = 50;

    protected override TimeSpan Interval => options.Value.ScheduledPublishInterval;

    protected override Task RunRoundAsync(CancellationToken cancellationToken) => PublishDueAsync(cancellationToken);

    public async Task<int> PublishDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
        var now = Clock.GetUtcNow();
        var due = await db.Articles.AsNoTracking()
            .Where(a => a.Status == ArticleStatus.Scheduled && a.PublishAt <= now)
            .OrderBy(a => a.PublishAt).Select(a => a.Id).Take(Batch).ToListAsync(ct);
        var published = 0;
        foreach (var id in due)
        {
            if (await PublishOneAsync(db, id, now, ct))
            {
                published++;
            }
        }
        if (published > 0)
        {
            await cache.EvictArticlesAsync(ct);
        }
        return published;
    }

    private async Task<bool> PublishOneAsync(ContentDbContext db, Guid id, DateTimeOffset now, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // A replica that loses the race blocks on the row lock, then finds it no longer scheduled.
        var updated = await db.Articles
            .Where(a => a.Id == id && a.Status == ArticleStatus.Scheduled && a.PublishAt <= now)
            .ExecuteUpdateAsync(s => s
                .SetProperty(a => a.Status, ArticleStatus.Published)
                .SetProperty(a => a.PublishedAt, a => a.PublishedAt ?? a.PublishAt)
                .SetProperty(a => a.PublishAt, (DateTimeOffset?)null)
                .SetProperty(a => a.UpdatedAt, now), ct);
        if (updated == 0)
        {
            return false;
        }
        var article = await db.Articles.AsNoTracking().SingleAsync(a => a.Id == id, ct);
        db.PublishOnCommit(ArticleEvents.Published(article, now), now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        metrics.ArticlePublished();
        db.ChangeTracker.Clear();
        LogPublished(logger, article.Slug, article.PublishedAt);
        return true;
    }

    protected override void OnRoundFailed(Exception exception) => LogFailed(logger, exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled article {Slug} is now published (scheduled for {PublishedAt})")]
    private static partial void LogPublished(ILogger logger, string slug, DateTimeOffset? publishedAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing scheduled articles failed; retrying on the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
