using CultureHealth.Storefront.Seo;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace CultureHealth.Storefront.Pages;

/// <summary>
/// Every page's model: it fills <see cref="Meta"/> (title, description, canonical URL, breadcrumbs,
/// JSON-LD) and the layout renders it.
/// </summary>
public abstract class SitePage : PageModel
{
    public PageMeta Meta { get; } = new();

    protected SiteOptions Site => HttpContext.RequestServices.GetRequiredService<IOptions<SiteOptions>>().Value;

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        ViewData[nameof(PageMeta)] = Meta;
        base.OnPageHandlerExecuting(context);
    }

    /// <summary>Adds "Home › … › this page" and its BreadcrumbList JSON-LD.</summary>
    protected void Trail(params Breadcrumb[] crumbs)
    {
        Meta.Breadcrumbs.Add(new Breadcrumb("Home", "/"));
        Meta.Breadcrumbs.AddRange(crumbs);
        Meta.StructuredData.Add(StructuredData.Breadcrumbs(Meta.Breadcrumbs, Site));
    }
}
