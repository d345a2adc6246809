using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Options;

namespace CultureHealth.Storefront.Api;

/// <summary>The shop's public API through the gateway.</summary>
public sealed class ShopApi(HttpClient http, HybridCache cache, IOptions<StorefrontOptions> options, ILogger<ShopApi> logger)
    : GatewayApi(http, cache, logger)
{
    private const string CatalogueTag = "shop-catalogue";

    /// <summary>The first products of the catalogue, shared by every visitor (home page, and the mini cart's "is the shop up").</summary>
    public Task<ApiResult<PageOf<Product>>> FeaturedProductsAsync(CancellationToken ct) =>
        CachedGetAsync<PageOf<Product>>("/api/shop/products?page=1&pageSize=4", options.Value.PublicReadCacheDuration, [CatalogueTag], ct);

    /// <summary>One visitor's cart, by its token (from their HttpOnly cookie). Never cached.</summary>
    public Task<ApiResult<Cart>> CartAsync(string cartToken, CancellationToken ct) =>
        GetAsync<Cart>("/api/shop/carts/" + Uri.EscapeDataString(cartToken), ct);
}
