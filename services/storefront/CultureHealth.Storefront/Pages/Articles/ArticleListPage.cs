using CultureHealth.Storefront.Api;
using Microsoft.AspNetCore.Mvc;

namespace CultureHealth.Storefront.Pages.Articles;

/// <summary>A page whose main content is a list of articles: the list, or "unavailable" with a 503 for crawlers.</summary>
public abstract class ArticleListPage : SitePage
{
    public ArticleListing? Listing { get; private set; }
    public bool Unavailable { get; private set; }

    /// <summary>Null to render; NotFound for a page past the end (or of nothing).</summary>
    protected IActionResult? Show(ApiResult<PageOf<ArticleSummary>> result, Func<int, string> pathOf, bool emptyIsFound = false)
    {
        if (result.IsUnavailable)
        {
            Unavailable = true;
            Meta.NoIndex = true;
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = "30";
            return null;
        }
        if (!result.IsOk || (result.Value!.Items.Count == 0 && !(emptyIsFound && result.Value.Page == 1)))
        {
            return NotFound();
        }
        Listing = new ArticleListing(result.Value!, pathOf);
        return null;
    }

    /// <summary>
    /// ?page=N. Bound as [FromQuery(Name = "page")] pageNumber by every page: in Razor Pages a parameter named
    /// "page" gets the route value "page" (the page's own path), never the query.
    /// </summary>
    protected static int PageNumber(int? page) => Math.Clamp(page ?? 1, 1, 10_000);
}
