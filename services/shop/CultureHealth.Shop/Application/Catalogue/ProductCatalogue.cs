using CultureHealth.Messaging.Data;
using CultureHealth.Shop.Data;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Shop.Application.Catalogue;

/// <summary>The public catalogue: products on sale only, by category and name.</summary>
internal sealed class ProductCatalogue(ShopDbContext db)
{
    /// <param name="category">Compared trimmed and lower case; blank means every category.</param>
    /// <param name="q">Part of the name, matched literally (no wildcards) and ignoring case; blank means any.</param>
    public async Task<PagedList<ProductView>> ListAsync(string? category, string? q, int page, int pageSize, CancellationToken ct)
    {
        var query = db.Products.AsNoTracking().Where(p => p.Active);
        if (!string.IsNullOrWhiteSpace(category))
        {
            var wanted = category.Trim().ToLowerInvariant();
            query = query.Where(p => p.Category == wanted);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            query = query.Where(p => EF.Functions.ILike(p.Name, LikePatterns.Containing(q), LikePatterns.Escape));
        }

        var (total, items) = await PagedQuery.PageAsync(query, q => q.OrderBy(p => p.Category).ThenBy(p => p.Name).ThenBy(p => p.Id),
            q => q, page, pageSize, ct);
        return new PagedList<ProductView>(items.Select(ProductView.From).ToList(), page, pageSize, total);
    }

    /// <returns>The product on sale under <paramref name="slug"/>, or null (a withdrawn one too).</returns>
    public async Task<ProductView?> BySlugAsync(string slug, CancellationToken ct) =>
        await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug && p.Active, ct) is { } product
            ? ProductView.From(product)
            : null;
}
