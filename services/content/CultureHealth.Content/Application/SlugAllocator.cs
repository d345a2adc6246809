using CultureHealth.Content.Data;
using CultureHealth.Content.Domain;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Content.Application;

/// <summary>Slugs are unique across current slugs and old (redirecting) ones, so no link ever changes target silently.</summary>
internal static class SlugAllocator
{
    public static async Task<bool> IsTakenAsync(ContentDbContext db, string slug, Guid? byOtherThan, CancellationToken ct) =>
        await db.Articles.AnyAsync(a => a.Slug == slug && a.Id != byOtherThan, ct)
        || await db.SlugRedirects.AnyAsync(r => r.OldSlug == slug && r.ArticleId != byOtherThan, ct);

    /// <summary>The slug itself if free, else the first free "slug-2", "slug-3"…</summary>
    public static async Task<string> FirstFreeAsync(ContentDbContext db, string slug, CancellationToken ct)
    {
        var prefix = slug + "-";
        var taken = new HashSet<string>(StringComparer.Ordinal);
        taken.UnionWith(await db.Articles.Where(a => a.Slug == slug || a.Slug.StartsWith(prefix)).Select(a => a.Slug).ToListAsync(ct));
        taken.UnionWith(await db.SlugRedirects.Where(r => r.OldSlug == slug || r.OldSlug.StartsWith(prefix)).Select(r => r.OldSlug).ToListAsync(ct));
        if (!taken.Contains(slug))
        {
            return slug;
        }
        for (var n = 2; ; n++)
        {
            var candidate = SlugGenerator.WithSuffix(slug, n);
            if (!taken.Contains(candidate))
            {
                return candidate;
            }
        }
    }
}
