using CultureHealth.Storefront.Api;
using CultureHealth.Storefront.Seo;
using CultureHealth.Storefront.Web;
using Microsoft.AspNetCore.Mvc;

namespace CultureHealth.Storefront.Pages.Shop;

/// <summary>/shop/category/{category}: the products of one category.</summary>
public sealed class CategoryModel(ShopApi shop) : ProductListPage(shop)
{
    public string CategoryName => ShopText.Category(Category!);

    protected override string BasePath => SiteRoutes.ShopCategory(Category!);

    public async Task<IActionResult> OnGetAsync(string category, [FromQuery(Name = "page")] int? pageNumber, CancellationToken ct)
    {
        Category = category.Trim().ToLowerInvariant();
        if (Category != category)
        {
            return RedirectPermanent(SiteRoutes.ShopCategory(Category) + Request.QueryString);
        }
        var number = PageNumber(pageNumber);
        if (await LoadAsync(number, ct) is { } early)
        {
            return early;
        }
        Meta.Title = number == 1 ? $"{CategoryName}: shop" : $"{CategoryName}: shop, page {number}";
        Meta.Description = $"{CategoryName} from the Cultural Health Club shop, chosen by our physiotherapists in London"
            + (number == 1 ? "." : $" (page {number}).");
        Trail(new Breadcrumb("Shop", SiteRoutes.Shop), new Breadcrumb(CategoryName, SiteRoutes.ShopCategory(Category)));
        return Page();
    }
}
