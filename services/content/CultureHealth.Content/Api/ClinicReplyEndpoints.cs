using CultureHealth.Content.Application;
using CultureHealth.Content.Data;
using CultureHealth.Content.Domain;
using CultureHealth.Content.Telemetry;
using CultureHealth.Contracts;
using CultureHealth.Messaging.Data;
using CultureHealth.ServiceDefaults.Auth;
using CultureHealth.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CultureHealth.Content.Api;

public sealed record ClinicReplyRequest(string? Body);

/// <summary>
/// Editors read one comment and answer it as the clinic. The reply is the clinic's (its name, no address), approved at
/// once, and announced like a moderator's approval (<see cref="CommentModerated"/>), so the commenter's "email me
/// replies" works as for any reply. Reached through admin's forwarding, which audits it under the editor.
/// </summary>
public static class ClinicReplyEndpoints
{
    public static IEndpointRouteBuilder MapClinicReplyApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/manage/content/comments").WithTags("Moderation").RequireAuthorization(StaffPolicies.Editor);
        group.MapGet("/{id:guid}", GetAsync);
        group.MapPost("/{id:guid}/reply", ReplyAsync);
        return app;
    }

    private static async Task<Results<Ok<ModerationCommentDto>, NotFound>> GetAsync(Guid id, ContentDbContext db, CancellationToken ct) =>
        await ViewAsync(db, id, ct) is { } comment ? TypedResults.Ok(comment) : TypedResults.NotFound();

    private static async Task<Results<Created<ModerationCommentDto>, NotFound, ValidationProblem>> ReplyAsync(
        Guid id, ClinicReplyRequest request, HttpContext http, ContentDbContext db, IOptions<ContentOptions> options, TimeProvider clock,
        IOutputCacheStore cache, ContentMetrics metrics, CancellationToken ct)
    {
        var o = options.Value;
        var validator = new RequestValidator().Required("body", request.Body, o.MaxCommentLength);
        if (validator.Failed)
        {
            return validator.Problem();
        }
        var parent = await db.Comments.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        var article = parent is null ? null : await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == parent.ArticleId, ct);
        if (parent is null || article is null)
        {
            return TypedResults.NotFound();
        }
        if (parent.Status != CommentStatus.Approved)
        {
            // A reply under a comment the site does not show would hang in the air.
            throw ProblemException.Conflict("Approve the comment first", "Only a comment that is on the site can be answered.");
        }
        if (parent.Depth >= o.MaxCommentDepth)
        {
            return new RequestValidator().Add("body", $"Replies nest at most {o.MaxCommentDepth} deep; answer the comment above this one instead.").Problem();
        }

        var now = clock.GetUtcNow();
        var actor = StaffSaves.Actor(http);
        var reply = new Comment
        {
            Id = Guid.CreateVersion7(now),
            ArticleId = parent.ArticleId,
            ParentId = parent.Id,
            Depth = parent.Depth + 1,
            AuthorName = o.ClinicReplyName,
            AuthorEmail = "",
            Body = request.Body!.Trim(),
            Status = CommentStatus.Approved,
            ModerationReason = "reply by the clinic",
            CreatedAt = now,
            ModeratedAt = now,
            ModeratedBy = actor,
        };
        db.Comments.Add(reply);
        db.PublishOnCommit(new CommentSubmitted(Guid.NewGuid(), now, reply.Id, article.Id, article.Slug, article.Title,
            reply.AuthorName, reply.AuthorEmail, CommentStatus.Approved.ToWire(), reply.ParentId, Excerpt(reply.Body)), now);
        // Notifications emails the parent's author on an approval (once per reply): the same path as a moderator's.
        db.PublishOnCommit(new CommentModerated(Guid.NewGuid(), now, reply.Id, article.Id, article.Slug,
            CommentStatus.Pending.ToWire(), CommentStatus.Approved.ToWire(), actor, reply.ParentId), now);
        await db.SaveChangesAsync(ct);
        metrics.CommentModerated(CommentStatus.Approved, 1);
        await cache.EvictCommentsAsync(ct);
        return TypedResults.Created($"/manage/content/comments/{reply.Id}", (await ViewAsync(db, reply.Id, ct))!);
    }

    private static string Excerpt(string body) => body.Length <= 200 ? body : body[..200] + "…";

    private static async Task<ModerationCommentDto?> ViewAsync(ContentDbContext db, Guid id, CancellationToken ct)
    {
        var row = await db.Comments.AsNoTracking().Where(c => c.Id == id)
            .Join(db.Articles, c => c.ArticleId, a => a.Id, (c, a) => new { Comment = c, a.Slug, a.Title })
            .FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }
        var c = row.Comment;
        return new ModerationCommentDto(c.Id, c.ArticleId, row.Slug, row.Title, c.ParentId, c.AuthorName, c.AuthorEmail, c.Body,
            PlainText.ToHtml(c.Body), c.Status.ToWire(), c.ModerationReason, c.IpHash, c.CreatedAt, c.ModeratedAt, c.ModeratedBy);
    }
}
