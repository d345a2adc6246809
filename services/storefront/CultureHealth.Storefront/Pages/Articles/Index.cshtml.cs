using CultureHealth.Storefront.Api;
using CultureHealth.Storefront.Seo;
using CultureHealth.Storefront.Web;
using Microsoft.AspNetCore.Mvc;

namespace CultureHealth.Storefront.Pages.Articles;

public sealed class IndexModel(ContentApi content) : ArticleListPage
{
    public ApiResult<List<Tag>> Tags { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int? pageNumber, CancellationToken ct)
    {
        var number = PageNumber(pageNumber);
        var tags = content.TagsAsync(ct);
        var articles = await content.ArticlesAsync(number, ArticleListing.PageSize, ct);
        Tags = await tags;
        if (Show(articles, p => ArticleListing.Paged(SiteRoutes.Articles, p), emptyIsFound: true) is { } result)
        {
            return result;
        }
        Meta.Title = number == 1 ? "Articles" : $"Articles, page {number}";
        Meta.Description = number == 1
            ? "Advice from our physiotherapists on back pain, running injuries, posture and recovery: what helps, what to try at home, and when to see a physio."
            : $"Physiotherapy articles from Cultural Health Club, page {number}: back pain, running injuries, posture and recovery.";
        Meta.CanonicalPath = ArticleListing.Paged(SiteRoutes.Articles, number);
        Trail(new Breadcrumb("Articles", SiteRoutes.Articles));
        return Page();
    }
}
