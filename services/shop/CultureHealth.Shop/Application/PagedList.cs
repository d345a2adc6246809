using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Shop.Application;

/// <summary>One page of a longer list, with how many items there are in all.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount);

/// <summary>The one way shop's lists are paged: count the filtered rows, then skip and take from the ordered ones.</summary>
internal static class PagedQuery
{
    /// <param name="filtered">The rows the list is of, before ordering (what the total counts).</param>
    /// <param name="ordered">The same rows in the list's order (with a tie-breaker, so pages do not overlap).</param>
    /// <param name="read">What one page's rows become (a projection or a join), run in the database.</param>
    public static async Task<(int Total, List<TItem> Items)> PageAsync<TRow, TItem>(
        IQueryable<TRow> filtered, Func<IQueryable<TRow>, IOrderedQueryable<TRow>> ordered,
        Func<IQueryable<TRow>, IQueryable<TItem>> read, int page, int pageSize, CancellationToken ct)
    {
        var total = await filtered.CountAsync(ct);
        var items = await read(ordered(filtered).Skip((page - 1) * pageSize).Take(pageSize)).ToListAsync(ct);
        return (total, items);
    }
}
