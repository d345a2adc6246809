using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Admin.Messaging;

/// <summary>
/// How every dashboard projection writes its row. Events about one thing can arrive in any order, so the first one
/// seen creates the row; an event older than what the row already reflects (by sequence or time) changes nothing.
/// </summary>
internal static class ProjectionRows
{
    /// <summary>The row for <paramref name="key"/>, added from <paramref name="create"/> when there is none yet.</summary>
    public static async Task<TRow> FindOrAddAsync<TRow>(DbSet<TRow> rows, object key, Func<TRow> create, CancellationToken ct)
        where TRow : class
    {
        var row = await rows.FindAsync([key], ct);
        if (row is null)
        {
            rows.Add(row = create());
        }
        return row;
    }

    /// <summary>
    /// The row to apply an event of version <paramref name="incoming"/> to, or null when the row already reflects a
    /// later one (<paramref name="stored"/> is past <paramref name="incoming"/>). A new row always takes the event.
    /// </summary>
    public static async Task<TRow?> FindOrAddUnlessNewerAsync<TRow, TVersion>(
        DbSet<TRow> rows, object key, Func<TRow> create, Func<TRow, TVersion> stored, TVersion incoming, CancellationToken ct)
        where TRow : class
        where TVersion : IComparable<TVersion>
    {
        var row = await rows.FindAsync([key], ct);
        if (row is null)
        {
            rows.Add(row = create());
            return row;
        }
        return stored(row).CompareTo(incoming) > 0 ? null : row;
    }
}
