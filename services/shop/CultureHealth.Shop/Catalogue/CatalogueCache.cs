using Microsoft.AspNetCore.OutputCaching;

namespace CultureHealth.Shop.Catalogue;

/// <summary>
/// Output caching for the public catalogue. Entries are tagged so any staff change to a product or its
/// stock evicts them at once; the short lifetime bounds how stale the in-stock flag can be after sales.
/// </summary>
internal static class CatalogueCache
{
    public const string Policy = "catalogue";
    public const string Tag = "catalogue";

    public static void Configure(OutputCacheOptions options) =>
        options.AddPolicy(Policy, p => p
            .Expire(TimeSpan.FromSeconds(30))
            .SetVaryByQuery("category", "q", "page", "pageSize")
            .Tag(Tag));

    public static Task EvictAsync(IOutputCacheStore store, CancellationToken ct) => store.EvictByTagAsync(Tag, ct).AsTask();
}
