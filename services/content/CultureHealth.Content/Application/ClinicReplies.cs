using CultureHealth.Content.Data;
using CultureHealth.Content.Domain;
using CultureHealth.Content.Telemetry;
using CultureHealth.Contracts;
using CultureHealth.Messaging.Data;
using CultureHealth.ServiceDefaults.Problems;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CultureHealth.Content.Application;

/// <summary>
/// An editor answers a comment as the clinic. The reply is the clinic's (its name, no address, marked
/// <see cref="Comment.ByClinic"/>), approved at once, and announced like a moderator's approval
/// (<see cref="CommentModerated"/>), so the commenter's "email me replies" works as for any reply.
/// </summary>
public sealed class ClinicReplies(ContentDbContext db, ModerationQueue queue, IOptions<ContentOptions> options, TimeProvider clock,
    IOutputCacheStore cache, ContentMetrics metrics)
{
    /// <returns>The reply as moderators see it, or null when there is no such comment.</returns>
    public async Task<ModerationCommentDto?> ReplyAsync(Guid commentId, string body, string actor, CancellationToken ct)
    {
        var o = options.Value;
        var parent = await db.Comments.AsNoTracking().FirstOrDefaultAsync(c => c.Id == commentId, ct);
        var article = parent is null ? null : await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == parent.ArticleId, ct);
        if (parent is null || article is null)
        {
            return null;
        }
        if (parent.Status != CommentStatus.Approved)
        {
            // A reply under a comment the site does not show would hang in the air.
            throw ProblemException.Conflict("Approve the comment first", "Only a comment that is on the site can be answered.");
        }
        if (parent.Depth >= o.MaxCommentDepth)
        {
            throw ProblemException.Invalid("body", $"Replies nest at most {o.MaxCommentDepth} deep; answer the comment above this one instead.");
        }

        var now = clock.GetUtcNow();
        var reply = new Comment
        {
            Id = Guid.CreateVersion7(now),
            ArticleId = parent.ArticleId,
            ParentId = parent.Id,
            Depth = parent.Depth + 1,
            AuthorName = o.ClinicReplyName,
            AuthorEmail = "",
            Body = body.Trim(),
            Status = CommentStatus.Approved,
            ModerationReason = "reply by the clinic",
            CreatedAt = now,
            ModeratedAt = now,
            ModeratedBy = actor,
            ByClinic = true,
        };
        db.Comments.Add(reply);
        db.PublishOnCommit(new CommentSubmitted(Guid.NewGuid(), now, reply.Id, article.Id, article.Slug, article.Title,
            reply.AuthorName, reply.AuthorEmail, CommentStatus.Approved.ToWire(), reply.ParentId, PlainText.Excerpt(reply.Body)), now);
        // Notifications emails the parent's author on an approval (once per reply): the same path as a moderator's.
        db.PublishOnCommit(new CommentModerated(Guid.NewGuid(), now, reply.Id, article.Id, article.Slug,
            CommentStatus.Pending.ToWire(), CommentStatus.Approved.ToWire(), actor, reply.ParentId), now);
        await db.SaveChangesAsync(ct);
        metrics.CommentModerated(CommentStatus.Approved, 1);
        await cache.EvictCommentsAsync(ct);
        return await queue.GetAsync(reply.Id, ct);
    }
}
