using CultureHealth.ServiceDefaults.Http;
using CultureHealth.Shop.Application;
using CultureHealth.Shop.Application.Catalogue;
using Microsoft.AspNetCore.Http.HttpResults;

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
        string? category, string? q, int? page, int? pageSize, ProductCatalogue catalogue, CancellationToken ct)
    {
        var (pageNumber, size) = Paging.Normalise(page, pageSize);
        return TypedResults.Ok(await catalogue.ListAsync(category, q, pageNumber, size, ct));
    }

    private static async Task<Results<Ok<ProductView>, NotFound>> GetBySlug(string slug, ProductCatalogue catalogue, CancellationToken ct) =>
        await catalogue.BySlugAsync(slug, ct) is { } product ? TypedResults.Ok(product) : TypedResults.NotFound();
}
