using CultureHealth.Content.Data;
using CultureHealth.Content.Domain;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Content.Api;

internal static class ArticleQueries
{
    public static IQueryable<Article> Published(this ContentDbContext db) =>
        db.Articles.AsNoTracking().Where(a => a.Status == ArticleStatus.Published);

    public static IQueryable<ArticleSummaryDto> ToSummaries(this IQueryable<Article> articles) =>
        articles.Select(a => new ArticleSummaryDto(
            a.Slug, a.Title, a.Excerpt, a.FeaturedImageUrl, a.Tags, a.ReadingTimeMinutes, a.PublishedAt!.Value,
            new AuthorSummaryDto(a.AuthorId, a.Author!.Name, a.Author.Title, a.Author.PhotoUrl), null));

    /// <summary>The published article with this slug, or the one that used to have it.</summary>
    public static async Task<(Article? Article, bool Moved)> FindPublishedBySlugAsync(this ContentDbContext db, string slug, CancellationToken ct)
    {
        var article = await db.Published().Include(a => a.Author).FirstOrDefaultAsync(a => a.Slug == slug, ct);
        if (article is not null)
        {
            return (article, false);
        }
        var moved = await db.SlugRedirects.AsNoTracking()
            .Where(r => r.OldSlug == slug)
            .Join(db.Published().Include(a => a.Author), r => r.ArticleId, a => a.Id, (_, a) => a)
            .FirstOrDefaultAsync(ct);
        return (moved, moved is not null);
    }

    public static ArticleDto ToDto(this Article a) => new(
        a.Id, a.Slug, a.Title, a.Excerpt, a.BodyHtml, a.FeaturedImageUrl, a.Tags, a.ReadingTimeMinutes,
        a.SeoTitle ?? a.Title, a.SeoDescription ?? a.Excerpt,
        a.CallToActionAppointmentType is { } code ? new CallToActionDto(code, $"/book?appointmentType={Uri.EscapeDataString(code)}") : null,
        a.PublishedAt ?? a.UpdatedAt, a.UpdatedAt, a.CommentsOpen,
        new AuthorDto(a.AuthorId, a.Author?.Name ?? "", a.Author?.Title ?? "", a.Author?.Bio, a.Author?.PhotoUrl));
}
