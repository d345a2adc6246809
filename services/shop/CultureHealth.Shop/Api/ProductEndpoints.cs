using CultureHealth.Messaging.Data;
using CultureHealth.ServiceDefaults.Http;
using CultureHealth.Shop.Application.Catalogue;
using CultureHealth.Shop.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Shop.Api;

public static class ProductEndpoints
{
    public static IEndpointRouteBuilder MapProductApi(this IEndpointRouteBuilder app)
    {
        var products = app.MapGroup("/api/shop/products").WithTags("Products");
        products.MapGet("/", List).CacheOutput(CatalogueCache.Policy).WithEntityTag();
        products.MapGet("/{slug}", GetBySlug).CacheOutput(CatalogueCache.Policy).WithEntityTag();
        return app;
    }

    private static async Task<Ok<PagedList<ProductView>>> List(
        string? category, string? q, int? page, int? pageSize, ShopDbContext db, CancellationToken ct)
    {
        var (pageNumber, size) = Paging.Normalise(page, pageSize);
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

        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(p => p.Category).ThenBy(p => p.Name)
            .Skip((pageNumber - 1) * size).Take(size).ToListAsync(ct);
        return TypedResults.Ok(new PagedList<ProductView>(items.Select(ProductView.From).ToList(), pageNumber, size, total));
    }

    private static async Task<Results<Ok<ProductView>, NotFound>> GetBySlug(string slug, ShopDbContext db, CancellationToken ct) =>
        await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug && p.Active, ct) is { } product
            ? TypedResults.Ok(ProductView.From(product))
            : TypedResults.NotFound();
}
