using CultureHealth.Storefront.Api;
using CultureHealth.Storefront.Seo;
using CultureHealth.Storefront.Web;
using Microsoft.AspNetCore.Mvc;

namespace CultureHealth.Storefront.Pages.Articles;

public sealed class TagModel(ContentApi content) : ArticleListPage
{
    public string Tag { get; private set; } = "";
    public string TagName => Wording.TagName(Tag);

    public async Task<IActionResult> OnGetAsync(string tag, [FromQuery(Name = "page")] int? pageNumber, CancellationToken ct)
    {
        Tag = tag.Trim().ToLowerInvariant();
        if (Tag != tag)
        {
            return RedirectPermanent(SiteRoutes.Tag(Tag) + Request.QueryString);
        }
        var number = PageNumber(pageNumber);
        if (Show(await content.ArticlesAsync(number, ArticleListing.PageSize, ct, tag: Tag), p => ArticleListing.Paged(SiteRoutes.Tag(Tag), p)) is { } result)
        {
            return result;
        }
        Meta.Title = number == 1 ? $"{TagName}: articles" : $"{TagName}: articles, page {number}";
        Meta.Description = $"Physiotherapy articles about {TagName.ToLowerInvariant()} from Cultural Health Club" + (number == 1 ? "." : $", page {number}.");
        Meta.CanonicalPath = ArticleListing.Paged(SiteRoutes.Tag(Tag), number);
        Trail(new Breadcrumb("Articles", SiteRoutes.Articles), new Breadcrumb(TagName, SiteRoutes.Tag(Tag)));
        return Page();
    }
}
