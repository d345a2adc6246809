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

/// <summary>The moderation queue. Staff see commenters' emails here; the public API never shows them.</summary>
public static class ModerationEndpoints
{
    public const int MaxBulk = 200;

    public static IEndpointRouteBuilder MapModerationApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/manage/content/comments").WithTags("Moderation").RequireAuthorization(StaffPolicies.Editor);
        group.MapGet("/", QueueAsync);
        group.MapPost("/moderate", BulkAsync);
        foreach (var status in new[] { CommentStatus.Approved, CommentStatus.Spam, CommentStatus.Trash, CommentStatus.Pending })
        {
            var verb = status switch
            {
                CommentStatus.Approved => "approve",
                CommentStatus.Spam => "spam",
                CommentStatus.Trash => "trash",
                _ => "unapprove",
            };
            group.MapPost($"/{{id:guid}}/{verb}", async Task<Results<Ok<ModerationResultDto>, NotFound>> (
                Guid id, HttpContext http, CommentModeration moderation, CancellationToken ct) =>
            {
                var result = await moderation.ModerateAsync([id], status, StaffSaves.Actor(http), ct);
                return result.NotFound.Count > 0 ? TypedResults.NotFound() : TypedResults.Ok(result);
            });
        }
        return app;
    }

    private static async Task<Results<Ok<PageDto<ModerationCommentDto>>, ValidationProblem>> QueueAsync(
        string? status, Guid? articleId, int? page, int? pageSize, [AsParameters] ContentServices services, CancellationToken ct)
    {
        var (db, options) = (services.Db, services.Options);
        var validator = new RequestValidator();
        var paging = Paging.From(page, pageSize, options.Value, validator);
        var wanted = CommentStatus.Pending;
        if (status is not null && !CommentStatusNames.TryParse(status, out wanted))
        {
            validator.Add("status", "One of pending, approved, spam, trash.");
        }
        if (validator.Failed)
        {
            return validator.Problem();
        }
        var comments = db.Comments.AsNoTracking().Where(c => c.Status == wanted);
        if (articleId is { } article)
        {
            comments = comments.Where(c => c.ArticleId == article);
        }
        var total = await comments.CountAsync(ct);
        // Oldest first: the queue is worked through in the order people wrote.
        var rows = await comments.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).Skip(paging.Skip).Take(paging.PageSize)
            .Join(db.Articles, c => c.ArticleId, a => a.Id, (c, a) => new { Comment = c, a.Slug, a.Title })
            .ToListAsync(ct);
        var items = rows.Select(r => new ModerationCommentDto(r.Comment.Id, r.Comment.ArticleId, r.Slug, r.Title, r.Comment.ParentId,
            r.Comment.AuthorName, r.Comment.AuthorEmail, r.Comment.Body, PlainText.ToHtml(r.Comment.Body), r.Comment.Status.ToWire(),
            r.Comment.ModerationReason, r.Comment.IpHash, r.Comment.CreatedAt, r.Comment.ModeratedAt, r.Comment.ModeratedBy)).ToList();
        return TypedResults.Ok(new PageDto<ModerationCommentDto>(items, paging.Page, paging.PageSize, total));
    }

    private static async Task<Results<Ok<ModerationResultDto>, ValidationProblem>> BulkAsync(
        BulkModerationRequest request, HttpContext http, CommentModeration moderation, CancellationToken ct)
    {
        var validator = new RequestValidator();
        if (request.Ids is not { Count: > 0 } ids || ids.Count > MaxBulk)
        {
            validator.Add("ids", $"Between 1 and {MaxBulk} comment ids.");
        }
        if (!CommentStatusNames.TryParse(request.Status, out var status))
        {
            validator.Add("status", "One of pending, approved, spam, trash.");
        }
        if (validator.Failed)
        {
            return validator.Problem();
        }
        return TypedResults.Ok(await moderation.ModerateAsync(request.Ids!.Distinct().ToList(), status, StaffSaves.Actor(http), ct));
    }
}
