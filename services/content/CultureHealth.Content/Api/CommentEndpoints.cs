using CultureHealth.Content.Application;
using CultureHealth.Content.Data;
using CultureHealth.Content.Domain;
using CultureHealth.Content.Telemetry;
using CultureHealth.Contracts;
using CultureHealth.Messaging.Data;
using CultureHealth.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CultureHealth.Content.Api;

public static class CommentEndpoints
{
    public static IEndpointRouteBuilder MapCommentApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/content/articles/{slug}/comments").WithTags("Comments");
        group.MapGet("/", ThreadAsync).CacheOutput(ContentCache.CommentsPolicy);
        group.MapPost("/", SubmitAsync).RequireRateLimiting(CommentRateLimiting.Policy);
        return app;
    }

    private static async Task<Results<Ok<CommentThreadDto>, NotFound>> ThreadAsync(string slug, ContentDbContext db, CancellationToken ct)
    {
        var (article, _) = await db.FindPublishedBySlugAsync(slug, ct);
        if (article is null)
        {
            return TypedResults.NotFound();
        }
        var approved = await db.Comments.AsNoTracking()
            .Where(c => c.ArticleId == article.Id && c.Status == CommentStatus.Approved)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .ToListAsync(ct);
        return TypedResults.Ok(CommentThreads.Build(approved));
    }

    private static async Task<Results<Accepted<CommentAcceptedDto>, ValidationProblem, NotFound>> SubmitAsync(
        string slug, SubmitCommentRequest request, HttpContext http, CommenterEmails commenters, [AsParameters] ContentServices services,
        ILoggerFactory loggers, CancellationToken ct)
    {
        var (db, options, clock, cache, metrics) = services;
        var o = options.Value;
        var validator = new RequestValidator()
            .Required("authorName", request.AuthorName, CommentConfiguration.MaxNameLength)
            .Email("authorEmail", request.AuthorEmail?.Trim())
            .Required("body", request.Body, o.MaxCommentLength)
            .Optional("website", request.Website, 500);
        if (validator.Failed)
        {
            return validator.Problem();
        }

        var (article, _) = await db.FindPublishedBySlugAsync(slug, ct);
        if (article is null)
        {
            return TypedResults.NotFound();
        }

        var depth = 1;
        if (request.ParentId is { } parentId)
        {
            var parent = await db.Comments.AsNoTracking()
                .FirstOrDefaultAsync(c => c.Id == parentId && c.ArticleId == article.Id && c.Status == CommentStatus.Approved, ct);
            if (parent is null)
            {
                return new RequestValidator().Add("parentId", "No approved comment with this id on this article.").Problem();
            }
            depth = parent.Depth + 1;
        }

        var now = clock.GetUtcNow();
        var email = request.AuthorEmail!.Trim().ToLowerInvariant();
        var body = request.Body!.Trim();
        var since = now - o.DuplicateCommentWindow;
        var decision = new CommentModerator(o.CommentPolicy()).Decide(new CommentSubmission(
            body, depth, request.Website, article.CommentsOpen,
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
                return new RequestValidator().Add("parentId", decision.Reason).Problem();
        }

        var comment = new Comment
        {
            Id = Guid.CreateVersion7(now),
            ArticleId = article.Id,
            ParentId = request.ParentId,
            Depth = depth,
            AuthorName = request.AuthorName!.Trim(),
            AuthorEmail = email,
            Body = body,
            Status = decision.Status,
            ModerationReason = decision.Reason,
            IpHash = ClientAddress.Hash(ClientAddress.Of(http), o.IpHashSalt),
            CreatedAt = now,
        };
        db.Comments.Add(comment);
        // Bot spam would only flood the moderators' inbox (and a stranger's, with a confirmation link); it stays
        // visible in the spam queue instead.
        if (!decision.IsSilentSpam)
        {
            await commenters.RequestConfirmationIfDueAsync(email, comment.AuthorName, now, ct);
            db.PublishOnCommit(new CommentSubmitted(Guid.NewGuid(), now, comment.Id, article.Id, article.Slug, article.Title,
                comment.AuthorName, comment.AuthorEmail, comment.Status.ToWire(), comment.ParentId, Excerpt(body),
                NotifyOnReply: request.NotifyOnReply == true), now);
        }
        await db.SaveChangesAsync(ct);
        metrics.CommentSubmitted(comment.Status);
        if (comment.Status == CommentStatus.Approved)
        {
            await cache.EvictCommentsAsync(ct);
        }
        CommentLog.Submitted(loggers.CreateLogger(typeof(CommentEndpoints)), comment.Id, article.Slug, comment.Status.ToWire(), decision.Reason);

        var shown = decision.StatusShownToSubmitter;
        return TypedResults.Accepted((string?)null, new CommentAcceptedDto(comment.Id, shown.ToWire(),
            shown == CommentStatus.Approved ? "Thanks, your comment is published." : "Thanks, your comment will appear once a moderator approves it."));
    }

    private static string Excerpt(string body) => body.Length <= 200 ? body : body[..200] + "…";
}

internal static partial class CommentLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Comment {CommentId} on {Slug} stored as {Status} ({Reason})")]
    public static partial void Submitted(ILogger logger, Guid commentId, string slug, string status, string reason);
}
