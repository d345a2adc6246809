using CultureHealth.Content.Data;
using CultureHealth.Content.Domain;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Content.Application;

public sealed record StaffArticleDto(
    Guid Id, string Slug, string Title, string? Excerpt, string BodyMarkdown, string BodyHtml, string? FeaturedImageUrl,
    Guid AuthorId, string AuthorName, IReadOnlyList<string> Tags, int ReadingTimeMinutes, string? SeoTitle, string? SeoDescription,
    string? CallToActionAppointmentType, string Status, DateTimeOffset? PublishAt, DateTimeOffset? PublishedAt,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, bool CommentsOpen, IReadOnlyList<string> OldSlugs);

public sealed record StaffArticleSummaryDto(
    Guid Id, string Slug, string Title, string Status, DateTimeOffset? PublishAt, DateTimeOffset? PublishedAt,
    DateTimeOffset UpdatedAt, string AuthorName, bool CommentsOpen, int PendingComments);

/// <summary>Articles as editors see them: every status, the Markdown source, old slugs and comments awaiting moderation.</summary>
public sealed class StaffArticleViews(ContentDbContext db)
{
    /// <param name="status">Only articles in this status; null for all.</param>
    public async Task<PageDto<StaffArticleSummaryDto>> ListAsync(ArticleStatus? status, Paging paging, CancellationToken ct)
    {
        var articles = db.Articles.AsNoTracking();
        if (status is { } wanted)
        {
            articles = articles.Where(a => a.Status == wanted);
        }
        var total = await articles.CountAsync(ct);
        var items = await articles.OrderByDescending(a => a.UpdatedAt).ThenBy(a => a.Id).Skip(paging.Skip).Take(paging.PageSize)
            .Select(a => new
            {
                a.Id, a.Slug, a.Title, a.Status, a.PublishAt, a.PublishedAt, a.UpdatedAt, AuthorName = a.Author!.Name, a.CommentsOpen,
                Pending = db.Comments.Count(c => c.ArticleId == a.Id && c.Status == CommentStatus.Pending),
            })
            .ToListAsync(ct);
        return new PageDto<StaffArticleSummaryDto>(
            items.Select(a => new StaffArticleSummaryDto(a.Id, a.Slug, a.Title, a.Status.ToWire(), a.PublishAt, a.PublishedAt, a.UpdatedAt, a.AuthorName, a.CommentsOpen, a.Pending)).ToList(),
            paging.Page, paging.PageSize, total);
    }

    public async Task<StaffArticleDto?> GetAsync(Guid id, CancellationToken ct)
    {
        var a = await db.Articles.AsNoTracking().Include(x => x.Author).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null)
        {
            return null;
        }
        var oldSlugs = await db.SlugRedirects.AsNoTracking().Where(r => r.ArticleId == id).OrderBy(r => r.CreatedAt).Select(r => r.OldSlug).ToListAsync(ct);
        return new StaffArticleDto(a.Id, a.Slug, a.Title, a.Excerpt, a.BodyMarkdown, a.BodyHtml, a.FeaturedImageUrl,
            a.AuthorId, a.Author?.Name ?? "", a.Tags, a.ReadingTimeMinutes, a.SeoTitle, a.SeoDescription,
            a.CallToActionAppointmentType, a.Status.ToWire(), a.PublishAt, a.PublishedAt, a.CreatedAt, a.UpdatedAt,
            a.CommentsOpen, oldSlugs);
    }
}
