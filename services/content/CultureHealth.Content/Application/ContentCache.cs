using Microsoft.AspNetCore.OutputCaching;

namespace CultureHealth.Content.Application;

/// <summary>
/// Output-cache policies and the tags that evict them. Eviction is immediate on the replica that made
/// the change; other replicas catch up when their entry expires (ContentOptions.OutputCacheDuration).
/// </summary>
public static class ContentCache
{
    public const string ArticlesPolicy = "content-articles";
    public const string CommentsPolicy = "content-comments";
    public const string ArticlesTag = "articles";
    public const string CommentsTag = "comments";

    public static void AddPolicies(OutputCacheOptions cache, TimeSpan duration)
    {
        cache.AddPolicy(ArticlesPolicy, b => b.Expire(duration).Tag(ArticlesTag));
        cache.AddPolicy(CommentsPolicy, b => b.Expire(duration).Tag(CommentsTag));
    }

    public static async Task EvictArticlesAsync(this IOutputCacheStore store, CancellationToken ct)
    {
        await store.EvictByTagAsync(ArticlesTag, ct);
        // An article that leaves (or returns) takes its comment thread with it.
        await store.EvictByTagAsync(CommentsTag, ct);
    }

    public static ValueTask EvictCommentsAsync(this IOutputCacheStore store, CancellationToken ct) =>
        store.EvictByTagAsync(CommentsTag, ct);
}
