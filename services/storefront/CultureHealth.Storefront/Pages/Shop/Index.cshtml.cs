using CultureHealth.Storefront.Api;
using CultureHealth.Storefront.Seo;
using CultureHealth.Storefront.Web;
using Microsoft.AspNetCore.Mvc;

namespace CultureHealth.Storefront.Pages.Shop;

/// <summary>/shop: every product for sale (equipment, treatment packages, gift vouchers), with the categories.</summary>
public sealed class IndexModel(ShopApi shop) : ProductListPage(shop)
{
    protected override string BasePath => SiteRoutes.Shop;

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int? pageNumber, CancellationToken ct)
    {
        var number = PageNumber(pageNumber);
        if (await LoadAsync(number, ct) is { } early)
        {
            return early;
        }
        Meta.Title = number == 1 ? "Shop" : $"Shop, page {number}";
        Meta.Description = "Exercise and recovery equipment our physiotherapists recommend, treatment packages at a saving and gift vouchers, from Cultural Health Club in London"
            + (number == 1 ? "." : $" (page {number}).");
        Trail(new Breadcrumb("Shop", SiteRoutes.Shop));
        return Page();
    }
}
