using Microsoft.AspNetCore.OutputCaching;

namespace CultureHealth.Shop.Application.Catalogue;

/// <summary>
/// Output caching for the public catalogue. Entries are tagged so any staff change to a product or its
/// stock, a sale that sells a product out and a cancellation that brings one back evict them at once; the short
/// lifetime bounds how stale anything else can be.
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
