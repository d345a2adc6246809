using CultureHealth.Content.Data;
using CultureHealth.Content.Domain;
using CultureHealth.Content.Telemetry;
using CultureHealth.Contracts;
using CultureHealth.Messaging.Data;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Content.Application;

public sealed record ModerationResultDto(int Changed, IReadOnlyList<Guid> NotFound);

/// <summary>
/// Moving comments between pending, approved, spam and trash: each real change raises CommentModerated in the same
/// save, and the cached threads are evicted. Ids that match no comment come back in <c>NotFound</c>.
/// </summary>
public sealed class CommentModeration(ContentDbContext db, TimeProvider clock, IOutputCacheStore cache, ContentMetrics metrics)
{
    public async Task<ModerationResultDto> ModerateAsync(IReadOnlyList<Guid> ids, CommentStatus status, string actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var found = await db.Comments.Where(c => ids.Contains(c.Id))
            .Join(db.Articles, c => c.ArticleId, a => a.Id, (c, a) => new { Comment = c, a.Slug })
            .ToListAsync(ct);
        var changed = 0;
        foreach (var row in found.Where(r => r.Comment.Status != status))
        {
            var previous = row.Comment.Status;
            row.Comment.Status = status;
            row.Comment.ModeratedAt = now;
            row.Comment.ModeratedBy = actor;
            db.PublishOnCommit(new CommentModerated(Guid.NewGuid(), now, row.Comment.Id, row.Comment.ArticleId, row.Slug,
                previous.ToWire(), status.ToWire(), actor, row.Comment.ParentId), now);
            changed++;
        }
        await db.SaveChangesAsync(ct);
        if (changed > 0)
        {
            metrics.CommentModerated(status, changed);
            await cache.EvictCommentsAsync(ct);
        }
        var foundIds = found.Select(r => r.Comment.Id).ToHashSet();
        return new ModerationResultDto(changed, ids.Where(id => !foundIds.Contains(id)).ToList());
    }
}
