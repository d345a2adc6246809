using CultureHealth.Storefront.Api;
using CultureHealth.Storefront.Web;
using Microsoft.AspNetCore.Mvc;

namespace CultureHealth.Storefront.Pages.Shop;

/// <summary>A page of products (the whole shop, or one category) with the category list beside it.</summary>
public abstract class ProductListPage(ShopApi shop) : SitePage
{
    public const int PageSize = 12;

    public PageOf<Product>? Products { get; private set; }
    public IReadOnlyList<string> Categories { get; private set; } = [];
    /// <summary>The category shown, or null for every product.</summary>
    public string? Category { get; protected set; }
    public bool Unavailable { get; private set; }
    public string? PreviousPath { get; private set; }
    public string? NextPath { get; private set; }

    protected abstract string BasePath { get; }

    /// <summary>"/shop" for page 1, "/shop?page=2" after it: page 1 has one URL.</summary>
    protected string PathOf(int page) => page <= 1 ? BasePath : $"{BasePath}?page={page}";

    /// <returns>Null to render the page (the list, or "unavailable" with a 503); NotFound past the end or for an empty category.</returns>
    protected async Task<IActionResult?> LoadAsync(int number, CancellationToken ct)
    {
        // Independent reads: a slow answer to one does not add to the other's.
        var products = shop.ProductsAsync(Category, number, PageSize, ct);
        var categories = shop.CategoriesAsync(ct);
        var result = await products;
        var all = await categories;
        if (result.IsUnavailable)
        {
            Unavailable = true;
            Meta.NoIndex = true;
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = "30";
            return null;
        }
        if (!result.IsOk || (result.Value!.Items.Count == 0 && (number > 1 || Category is not null)))
        {
            return NotFound();
        }
        Products = result.Value;
        Categories = all.IsOk ? all.Value! : [];
        var totalPages = (Products.TotalCount + PageSize - 1) / PageSize;
        PreviousPath = number > 1 ? PathOf(number - 1) : null;
        NextPath = number < totalPages ? PathOf(number + 1) : null;
        Meta.CanonicalPath = PathOf(number);
        return null;
    }

    /// <summary>?page=N, bound as [FromQuery(Name = "page")] (a parameter named "page" would get the page's route value).</summary>
    protected static int PageNumber(int? page) => Math.Clamp(page ?? 1, 1, 10_000);

    public string? CurrentFor(string? category) => category == Category ? "page" : null;

    public static string CategoryPath(string category) => SiteRoutes.ShopCategory(category);
}
