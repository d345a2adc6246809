using CultureHealth.Content.Data;
using CultureHealth.Content.Domain;
using CultureHealth.Content.Telemetry;
using CultureHealth.Messaging.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Content.Api;

/// <summary>
/// Status changes on one article: load, let the domain decide, save (xmin guards against a concurrent
/// editor or the scheduler), announce ArticlePublished when it went live, and evict cached pages.
/// </summary>
public sealed class ArticleChanges(ContentDbContext db, TimeProvider clock, IOutputCacheStore cache, ContentMetrics metrics)
{
    public async Task<Results<Ok<StaffArticleDto>, NotFound, ProblemHttpResult, ValidationProblem>> ApplyAsync(Guid id, Action<Article, DateTimeOffset> change, CancellationToken ct)
    {
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (article is null)
        {
            return TypedResults.NotFound();
        }
        var now = clock.GetUtcNow();
        var wasLive = article.Status == ArticleStatus.Published;
        try
        {
            change(article, now);
        }
        catch (ArticleTransitionException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status409Conflict, title: "Not allowed in this status");
        }
        var goesLive = !wasLive && article.Status == ArticleStatus.Published;
        if (goesLive)
        {
            db.PublishOnCommit(ArticleEvents.Published(article, now), now);
        }
        if (await StaffSaves.TrySaveAsync(db, ct) is { } conflict)
        {
            return conflict;
        }
        if (goesLive)
        {
            metrics.ArticlePublished();
        }
        await cache.EvictArticlesAsync(ct);
        return TypedResults.Ok((await StaffArticleViews.LoadAsync(db, id, ct))!);
    }
}
