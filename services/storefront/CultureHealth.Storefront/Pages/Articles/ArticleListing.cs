using CultureHealth.Storefront.Api;

namespace CultureHealth.Storefront.Pages.Articles;

/// <summary>A page of article summaries and how to reach the pages either side of it.</summary>
public sealed record ArticleListing(PageOf<ArticleSummary> Page, Func<int, string> PathOf)
{
    public const int PageSize = 10;

    public string? NewerPath => Page.Page > 1 ? PathOf(Page.Page - 1) : null;
    public string? OlderPath => Page.Page < Page.TotalPages ? PathOf(Page.Page + 1) : null;

    /// <summary>"/articles" for page 1, "/articles?page=2" after it: page 1 has one URL.</summary>
    public static string Paged(string path, int page, string? query = null)
    {
        var parameters = new List<string>();
        if (query is not null)
        {
            parameters.Add("q=" + Uri.EscapeDataString(query));
        }
        if (page > 1)
        {
            parameters.Add("page=" + page);
        }
        return parameters.Count == 0 ? path : path + "?" + string.Join('&', parameters);
    }
}
