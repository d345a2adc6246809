namespace CultureHealth.Shop.Application;

/// <summary>One page of a longer list, with how many items there are in all.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount);
