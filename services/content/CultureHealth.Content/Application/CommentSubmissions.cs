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

/// <summary>A visitor's comment as the endpoint checked it (fields present and within their lengths).</summary>
public sealed record NewComment(string AuthorName, string AuthorEmail, string Body, Guid? ParentId, string? Website, bool NotifyOnReply, string? IpHash);

/// <param name="Shown">What the visitor is told: a silent spam comment looks pending to its sender.</param>
public sealed record SubmittedComment(Guid Id, CommentStatus Shown);

/// <summary>
/// A visitor comments on a published article: the moderation rules decide its status (published, held, or spam),
/// duplicates and closed threads are refused, and everything but silent spam is announced (CommentSubmitted) and,
/// for a new address, asks the commenter to confirm it.
/// </summary>
internal sealed partial class CommentSubmissions(ContentDbContext db, CommenterEmails commenters, IOptions<ContentOptions> options,
    TimeProvider clock, IOutputCacheStore cache, ContentMetrics metrics, ILogger<CommentSubmissions> logger)
{
    /// <returns>The stored comment, or null when no published article has this slug.</returns>
    public async Task<SubmittedComment?> SubmitAsync(string slug, NewComment submitted, CancellationToken ct)
    {
        var o = options.Value;
        var (article, _) = await db.FindPublishedBySlugAsync(slug, ct);
        if (article is null)
        {
            return null;
        }

        var depth = 1;
        if (submitted.ParentId is { } parentId)
        {
            var parent = await db.Comments.AsNoTracking()
                .FirstOrDefaultAsync(c => c.Id == parentId && c.ArticleId == article.Id && c.Status == CommentStatus.Approved, ct);
            depth = parent?.Depth + 1 ?? throw ProblemException.Invalid("parentId", "No approved comment with this id on this article.");
        }

        var now = clock.GetUtcNow();
        var email = submitted.AuthorEmail.Trim().ToLowerInvariant();
        var body = submitted.Body.Trim();
        var since = now - o.DuplicateCommentWindow;
        var decision = new CommentModerator(o.CommentPolicy()).Decide(new CommentSubmission(
            body, depth, submitted.Website, article.CommentsOpen,
            KnownCommenter: await commenters.IsConfirmedAsync(email, ct)
                && await db.Comments.AnyAsync(c => c.AuthorEmail == email && c.Status == CommentStatus.Approved, ct),
            RecentBodiesFromSameEmail: await db.Comments
                .Where(c => c.ArticleId == article.Id && c.AuthorEmail == email && c.CreatedAt >= since)
                .Select(c => c.Body).ToListAsync(ct)));

        switch (decision.Refusal)
        {
            case CommentRefusal.CommentsClosed:
                throw ContentProblems.CommentsClosed(decision.Reason);
            case CommentRefusal.Duplicate:
                throw ContentProblems.DuplicateComment(decision.Reason);
            case CommentRefusal.TooDeep:
                throw ProblemException.Invalid("parentId", decision.Reason);
        }

        var comment = new Comment
        {
            Id = Guid.CreateVersion7(now),
            ArticleId = article.Id,
            ParentId = submitted.ParentId,
            Depth = depth,
            AuthorName = submitted.AuthorName.Trim(),
            AuthorEmail = email,
            Body = body,
            Status = decision.Status,
            ModerationReason = decision.Reason,
            IpHash = submitted.IpHash,
            CreatedAt = now,
        };
        db.Comments.Add(comment);
        // Bot spam would only flood the moderators' inbox (and a stranger's, with a confirmation link); it stays
        // visible in the spam queue instead.
        if (!decision.IsSilentSpam)
        {
            await commenters.RequestConfirmationIfDueAsync(email, comment.AuthorName, now, ct);
            db.PublishOnCommit(new CommentSubmitted(Guid.NewGuid(), now, comment.Id, article.Id, article.Slug, article.Title,
                comment.AuthorName, comment.AuthorEmail, comment.Status.ToWire(), comment.ParentId, PlainText.Excerpt(body),
                NotifyOnReply: submitted.NotifyOnReply), now);
        }
        await db.SaveChangesAsync(ct);
        metrics.CommentSubmitted(comment.Status);
        if (comment.Status == CommentStatus.Approved)
        {
            await cache.EvictCommentsAsync(ct);
        }
        LogSubmitted(logger, comment.Id, article.Slug, comment.Status.ToWire(), decision.Reason);
        return new SubmittedComment(comment.Id, decision.StatusShownToSubmitter);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Comment {CommentId} on {Slug} stored as {Status} ({Reason})")]
    private static partial void LogSubmitted(ILogger logger, Guid commentId, string slug, string status, string reason);
}
