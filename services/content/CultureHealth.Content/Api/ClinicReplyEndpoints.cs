using CultureHealth.Content.Application;
using CultureHealth.Content.Data;
using CultureHealth.Content.Domain;
using CultureHealth.ServiceDefaults.Auth;
using CultureHealth.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CultureHealth.Content.Api;

public sealed record ClinicReplyRequest(string? Body);

/// <summary>
/// Editors read one comment and answer it as the clinic (<see cref="ClinicReplies"/>). Reached through admin's
/// forwarding, which audits it under the editor.
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
        Guid id, ClinicReplyRequest request, HttpContext http, ClinicReplies replies, ContentDbContext db, IOptions<ContentOptions> options,
        CancellationToken ct)
    {
        var validator = new RequestValidator().Required("body", request.Body, options.Value.MaxCommentLength);
        if (validator.Failed)
        {
            return validator.Problem();
        }
        return await replies.ReplyAsync(id, request.Body!, StaffSaves.Actor(http), ct) is { } reply
            ? TypedResults.Created($"/manage/content/comments/{reply}", (await ViewAsync(db, reply, ct))!)
            : TypedResults.NotFound();
    }

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
