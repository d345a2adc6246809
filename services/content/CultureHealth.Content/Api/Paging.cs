using CultureHealth.ServiceDefaults.Problems;

namespace CultureHealth.Content.Api;

/// <summary>page and pageSize query values, checked against the configured maximum.</summary>
internal readonly record struct Paging(int Page, int PageSize)
{
    public int Skip => (Page - 1) * PageSize;

    public static Paging From(int? page, int? pageSize, ContentOptions options, RequestValidator validator)
    {
        var p = page ?? 1;
        var size = pageSize ?? options.DefaultPageSize;
        validator.Range("page", p, 1, 10_000).Range("pageSize", size, 1, options.MaxPageSize);
        return new Paging(p, size);
    }
}
