using CultureHealth.Content.Data;
using CultureHealth.Content.Domain;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Content.Application;

public sealed record ModerationCommentDto(
    Guid Id, Guid ArticleId, string ArticleSlug, string ArticleTitle, Guid? ParentId, string AuthorName, string AuthorEmail,
    string Body, string BodyHtml, string Status, string? ModerationReason, string? IpHash, DateTimeOffset CreatedAt,
    DateTimeOffset? ModeratedAt, string? ModeratedBy);

/// <summary>Comments as moderators see them, commenters' emails included (the public API never shows them).</summary>
public sealed class ModerationQueue(ContentDbContext db)
{
    /// <param name="articleId">Only this article's comments; null for all.</param>
    public async Task<PageDto<ModerationCommentDto>> ListAsync(CommentStatus status, Guid? articleId, Paging paging, CancellationToken ct)
    {
        var comments = db.Comments.AsNoTracking().Where(c => c.Status == status);
        if (articleId is { } article)
        {
            comments = comments.Where(c => c.ArticleId == article);
        }
        var total = await comments.CountAsync(ct);
        // Oldest first: the queue is worked through in the order people wrote.
        var rows = await comments.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).Skip(paging.Skip).Take(paging.PageSize)
            .Join(db.Articles, c => c.ArticleId, a => a.Id, (c, a) => new { Comment = c, a.Slug, a.Title })
            .ToListAsync(ct);
        var items = rows.Select(r => ToDto(r.Comment, r.Slug, r.Title)).ToList();
        return new PageDto<ModerationCommentDto>(items, paging.Page, paging.PageSize, total);
    }

    /// <returns>The comment, or null when there is none with this id.</returns>
    public async Task<ModerationCommentDto?> GetAsync(Guid id, CancellationToken ct)
    {
        var row = await db.Comments.AsNoTracking().Where(c => c.Id == id)
            .Join(db.Articles, c => c.ArticleId, a => a.Id, (c, a) => new { Comment = c, a.Slug, a.Title })
            .FirstOrDefaultAsync(ct);
        return row is null ? null : ToDto(row.Comment, row.Slug, row.Title);
    }

    private static ModerationCommentDto ToDto(Comment c, string articleSlug, string articleTitle) =>
        new(c.Id, c.ArticleId, articleSlug, articleTitle, c.ParentId, c.AuthorName, c.AuthorEmail, c.Body,
            PlainText.ToHtml(c.Body), c.Status.ToWire(), c.ModerationReason, c.IpHash, c.CreatedAt, c.ModeratedAt, c.ModeratedBy);
}
