using CultureHealth.Content.Application;
using CultureHealth.ServiceDefaults.Problems;

namespace CultureHealth.Content.Api;

/// <summary>page and pageSize query values, checked against the configured maximum.</summary>
internal static class PagingQuery
{
    public static Paging From(int? page, int? pageSize, ContentOptions options, RequestValidator validator)
    {
        var p = page ?? 1;
        var size = pageSize ?? options.DefaultPageSize;
        validator.Range("page", p, 1, 10_000).Range("pageSize", size, 1, options.MaxPageSize);
        return new Paging(p, size);
    }
}
