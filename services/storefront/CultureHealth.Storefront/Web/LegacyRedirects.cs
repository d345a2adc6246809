using CultureHealth.Storefront.Api;

namespace CultureHealth.Storefront.Web;

/// <summary>
/// The WordPress site's URLs keep working: each answers 301 with the new page, so bookmarks, search
/// results and other sites' links follow the move (<c>/&lt;article-slug&gt;/</c>, <c>/shop/</c>, <c>/cart/</c>,
/// <c>/product/&lt;slug&gt;/</c>, <c>/feed/</c>, <c>/category/&lt;tag&gt;/</c>). Any other trailing slash is dropped
/// the same way, so every page has one URL.
/// </summary>
public static class LegacyRedirects
{
    public static string? TargetOf(string path)
    {
        if (path.Length <= 1)
        {
            return null;
        }
        var segments = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var trailingSlash = path.EndsWith('/');
        switch (segments)
        {
            case ["feed"]:
                return "/feed.xml";
            case ["product", var slug]:
                return SiteRoutes.Product(Uri.UnescapeDataString(slug));
            case ["category" or "tag", var tag]:
                return SiteRoutes.Tag(Uri.UnescapeDataString(tag));
            case [var first] when trailingSlash && !SiteRoutes.TopLevel.Contains(first):
                // WordPress put every article at the root: /how-running-injuries-can-trigger-lower-back-pain/
                return SiteRoutes.Article(Uri.UnescapeDataString(first));
        }
        return trailingSlash ? "/" + string.Join('/', segments) : null;
    }

    public static WebApplication UseLegacyRedirects(this WebApplication app)
    {
        app.Use(static (context, next) =>
        {
            if ((HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
                && TargetOf(context.Request.Path.Value ?? "/") is { } target)
            {
                context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
                context.Response.Headers.Location = target + context.Request.QueryString;
                return Task.CompletedTask;
            }
            return next(context);
        });
        return app;
    }

    /// <summary>An old article link without its trailing slash: 301 when such an article exists, the 404 page otherwise.</summary>
    public static WebApplication MapLegacyArticleFallback(this WebApplication app)
    {
        app.MapFallback("/{slug}", async (string slug, HttpContext context, ContentApi content) =>
        {
            if (!SiteRoutes.TopLevel.Contains(slug) && HttpMethods.IsGet(context.Request.Method)
                && (await content.ArticleAsync(slug, context.RequestAborted)).IsOk)
            {
                return Results.Redirect(SiteRoutes.Article(slug), permanent: true);
            }
            return Results.NotFound();
        });
        return app;
    }
}
