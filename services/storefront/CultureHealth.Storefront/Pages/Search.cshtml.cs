using CultureHealth.Storefront.Api;
using CultureHealth.Storefront.Pages.Articles;
using CultureHealth.Storefront.Seo;
using CultureHealth.Storefront.Web;
using Microsoft.AspNetCore.Mvc;

namespace CultureHealth.Storefront.Pages;

/// <summary>Ranked full-text search (content ranks; title matches first) with highlighted passages.</summary>
public sealed class SearchModel(ContentApi content) : ArticleListPage
{
    public const int MaxQueryLength = 200;

    public string Query { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string? q, [FromQuery(Name = "page")] int? pageNumber, CancellationToken ct)
    {
        Query = (q ?? "").Trim();
        if (Query.Length > MaxQueryLength)
        {
            Query = Query[..MaxQueryLength];
        }
        // Results pages are endless combinations: crawlers get the articles through the lists and the sitemap.
        Meta.NoIndex = Query.Length > 0;
        Meta.CanonicalPath = SiteRoutes.Search;
        Meta.Title = Query.Length == 0 ? "Search articles" : $"Search results for “{Query}”";
        Meta.Description = Query.Length == 0
            ? "Search the physiotherapy advice of Cultural Health Club: back pain, running injuries, posture, recovery and more."
            : $"Articles from Cultural Health Club that mention {Query}.";
        Trail(new Breadcrumb("Search", SiteRoutes.Search));
        if (Query.Length == 0)
        {
            return Page();
        }
        var number = PageNumber(pageNumber);
        var results = await content.SearchAsync(Query, number, ArticleListing.PageSize, ct);
        return Show(results, p => ArticleListing.Paged(SiteRoutes.Search, p, Query), emptyIsFound: true) ?? Page();
    }
}
