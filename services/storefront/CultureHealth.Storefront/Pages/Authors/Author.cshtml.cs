using CultureHealth.Storefront.Api;
using CultureHealth.Storefront.Pages.Articles;
using CultureHealth.Storefront.Seo;
using CultureHealth.Storefront.Web;
using Microsoft.AspNetCore.Mvc;

namespace CultureHealth.Storefront.Pages.Authors;

public sealed class AuthorModel(ContentApi content) : ArticleListPage
{
    public Author? Author { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, [FromQuery(Name = "page")] int? pageNumber, CancellationToken ct)
    {
        var number = PageNumber(pageNumber);
        var articles = content.ArticlesAsync(number, ArticleListing.PageSize, ct, author: id);
        var author = await content.AuthorAsync(id, ct);
        if (author.IsNotFound)
        {
            return NotFound();
        }
        Author = author.Value;
        if (Show(await articles, p => ArticleListing.Paged(SiteRoutes.Author(id), p), emptyIsFound: true) is { } result)
        {
            return result;
        }
        if (Author is null)
        {
            // The profile is unavailable but the articles came: name the author from them.
            var first = Listing!.Page.Items.FirstOrDefault()?.Author;
            Author = first is null ? null : new Author(first.Id, first.Name, first.Title, null, first.PhotoUrl);
        }
        var name = Author?.Name ?? "Our physiotherapist";
        Meta.Title = number == 1 ? $"{name}, {Author?.Title}" : $"{name}: articles, page {number}";
        Meta.Description = Author?.Bio ?? $"Articles by {name}, Cultural Health Club.";
        Meta.CanonicalPath = ArticleListing.Paged(SiteRoutes.Author(id), number);
        Meta.OpenGraphType = "profile";
        Trail(new Breadcrumb("Articles", SiteRoutes.Articles), new Breadcrumb(name, SiteRoutes.Author(id)));
        if (Author is not null)
        {
            Meta.StructuredData.Add(StructuredData.Person(Author, Site));
        }
        return Page();
    }
}
