using CultureHealth.Content.Data;
using CultureHealth.Content.Domain;
using CultureHealth.Content.Telemetry;
using CultureHealth.Messaging.Data;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Content.Application;

/// <summary>
/// Status changes on one article: load, let the domain decide, save (xmin guards against a concurrent
/// editor or the scheduler), announce ArticlePublished when it went live, and evict cached pages.
/// </summary>
public sealed class ArticleChanges(ContentDbContext db, StaffArticleViews views, TimeProvider clock, IOutputCacheStore cache, ContentMetrics metrics)
{
    public Task<StaffArticleDto?> PublishAsync(Guid id, CancellationToken ct) => ApplyAsync(id, (a, now) => a.Publish(now), ct);

    public Task<StaffArticleDto?> ScheduleAsync(Guid id, DateTimeOffset publishAt, CancellationToken ct) =>
        ApplyAsync(id, (a, now) => a.Schedule(publishAt, now), ct);

    public Task<StaffArticleDto?> ReturnToDraftAsync(Guid id, CancellationToken ct) => ApplyAsync(id, (a, now) => a.ReturnToDraft(now), ct);

    public Task<StaffArticleDto?> ArchiveAsync(Guid id, CancellationToken ct) => ApplyAsync(id, (a, now) => a.Archive(now), ct);

    public Task<StaffArticleDto?> SetCommentsOpenAsync(Guid id, bool open, CancellationToken ct) =>
        ApplyAsync(id, (a, now) =>
        {
            a.CommentsOpen = open;
            a.UpdatedAt = now;
        }, ct);

    /// <returns>The article as it now is, or null when there is no such article.</returns>
    private async Task<StaffArticleDto?> ApplyAsync(Guid id, Action<Article, DateTimeOffset> change, CancellationToken ct)
    {
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (article is null)
        {
            return null;
        }
        var now = clock.GetUtcNow();
        var wasLive = article.Status == ArticleStatus.Published;
        try
        {
            change(article, now);
        }
        catch (ArticleTransitionException e)
        {
            throw ContentProblems.NotAllowedInStatus(e);
        }
        var goesLive = !wasLive && article.Status == ArticleStatus.Published;
        if (goesLive)
        {
            db.PublishOnCommit(ArticleEvents.Published(article, now), now);
        }
        await StaffSaves.SaveAsync(db, ct);
        if (goesLive)
        {
            metrics.ArticlePublished();
        }
        await cache.EvictArticlesAsync(ct);
        return await views.GetAsync(id, ct);
    }
}
