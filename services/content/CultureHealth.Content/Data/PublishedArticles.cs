using CultureHealth.Content.Domain;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Content.Data;

/// <summary>What the public may read: published articles, found by their slug or by one they used to have.</summary>
public static class PublishedArticles
{
    public static IQueryable<Article> Published(this ContentDbContext db) =>
        db.Articles.AsNoTracking().Where(a => a.Status == ArticleStatus.Published);

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
}
