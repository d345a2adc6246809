using CultureHealth.Content.Data;
using CultureHealth.Content.Domain;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Content.Api;

internal static class StaffArticleViews
{
    public static async Task<StaffArticleDto?> LoadAsync(ContentDbContext db, Guid id, CancellationToken ct)
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
