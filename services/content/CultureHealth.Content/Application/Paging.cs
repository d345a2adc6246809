namespace CultureHealth.Content.Application;

/// <summary>Which page of a list to read; the endpoint checks page and pageSize against the configured maximum.</summary>
public readonly record struct Paging(int Page, int PageSize)
{
    public int Skip => (Page - 1) * PageSize;
}
