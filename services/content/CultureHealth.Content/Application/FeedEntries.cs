using CultureHealth.Content.Data;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Content.Application;

/// <summary>One published article as the RSS feed and the sitemap list it.</summary>
public sealed record FeedEntry(
    Guid Id, string Slug, string Title, string? Excerpt, DateTimeOffset PublishedAt, DateTimeOffset UpdatedAt, Guid AuthorId,
    string AuthorName, List<string> Tags);

/// <summary>Published articles for the feeds, newest first.</summary>
public sealed class FeedEntries(ContentDbContext db)
{
    /// <param name="limit">At most this many; null for every published article.</param>
    public Task<List<FeedEntry>> NewestAsync(int? limit, CancellationToken ct)
    {
        var entries = db.Published().OrderByDescending(a => a.PublishedAt).ThenBy(a => a.Id)
            .Select(a => new FeedEntry(a.Id, a.Slug, a.Title, a.Excerpt, a.PublishedAt!.Value, a.UpdatedAt, a.AuthorId, a.Author!.Name, a.Tags));
        return (limit is { } n ? entries.Take(n) : entries).ToListAsync(ct);
    }
}
