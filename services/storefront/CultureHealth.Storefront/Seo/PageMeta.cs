namespace CultureHealth.Storefront.Seo;

/// <summary>
/// What a page tells search engines and link previews; the layout renders it (title, meta description,
/// canonical link, OpenGraph, JSON-LD). Every page sets a unique <see cref="Title"/> and <see cref="Description"/>.
/// </summary>
public sealed class PageMeta
{
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    /// <summary>The page's one URL (path and any query that selects content, e.g. ?page=2); made absolute from Site:PublicUrl.</summary>
    public string? CanonicalPath { get; set; }
    /// <summary>OpenGraph type: "website" or "article".</summary>
    public string OpenGraphType { get; set; } = "website";
    public string? ImageUrl { get; set; }
    /// <summary>Search results, errors and pages with secrets in their URL stay out of search engines.</summary>
    public bool NoIndex { get; set; }
    /// <summary>Breadcrumb trail above the content and as BreadcrumbList JSON-LD; the last item is the page itself.</summary>
    public List<Breadcrumb> Breadcrumbs { get; } = [];
    /// <summary>JSON-LD objects (serialised into one script each, with the CSP nonce).</summary>
    public List<object> StructuredData { get; } = [];
}

public sealed record Breadcrumb(string Name, string Path);
