using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Options;

namespace CultureHealth.Storefront.Api;

/// <summary>
/// The shop's public API through the gateway. The catalogue is shared by every visitor and cached briefly;
/// carts and orders belong to one visitor (their token) and are never cached. Writes never throw for an
/// outage: they answer <see cref="ShopOutcome.Unavailable"/>.
/// </summary>
public sealed partial class ShopApi(HttpClient http, HybridCache cache, IOptions<StorefrontOptions> options, ILogger<ShopApi> logger)
    : GatewayApi(http, cache, logger)
{
    private const string CatalogueTag = "shop-catalogue";
    private const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>The shop's largest page: the whole catalogue in one read, for the category list.</summary>
    private const int WholeCatalogue = 100;

    private TimeSpan Reads => options.Value.PublicReadCacheDuration;

    /// <summary>The first products of the catalogue, shared by every visitor (home page, and the mini cart's "is the shop up").</summary>
    public Task<ApiResult<PageOf<Product>>> FeaturedProductsAsync(CancellationToken ct) =>
        CachedGetAsync<PageOf<Product>>("/api/shop/products?page=1&pageSize=4", Reads, [CatalogueTag], ct);

    public Task<ApiResult<PageOf<Product>>> ProductsAsync(string? category, int page, int pageSize, CancellationToken ct) =>
        CachedGetAsync<PageOf<Product>>("/api/shop/products" + Query(("category", category), ("page", page), ("pageSize", pageSize)), Reads, [CatalogueTag], ct);

    /// <summary>The categories that have products for sale, in the shop's order (it sorts by category, then name).</summary>
    public async Task<ApiResult<IReadOnlyList<string>>> CategoriesAsync(CancellationToken ct) =>
        (await CachedGetAsync<PageOf<Product>>($"/api/shop/products?page=1&pageSize={WholeCatalogue}", Reads, [CatalogueTag], ct))
            .Map<IReadOnlyList<string>>(all => all.Items.Select(p => p.Category).Distinct(StringComparer.Ordinal).ToList());

    public Task<ApiResult<Product>> ProductAsync(string slug, CancellationToken ct) =>
        CachedGetAsync<Product>("/api/shop/products/" + Uri.EscapeDataString(slug), Reads, [CatalogueTag], ct);

    /// <summary>One visitor's cart, by its token (from their HttpOnly cookie). Never cached.</summary>
    public Task<ApiResult<Cart>> CartAsync(string cartToken, CancellationToken ct) =>
        GetAsync<Cart>(CartPath(cartToken), ct, logAs: "/api/shop/carts/{cart}");

    /// <summary>A new, empty cart; its token (<see cref="Cart.CartId"/>) is in this answer only.</summary>
    public Task<ShopReply<Cart>> CreateCartAsync(CancellationToken ct) =>
        SendAsync<Cart>(HttpMethod.Post, "/api/shop/carts", "/api/shop/carts", null, null, ct);

    public Task<ShopReply<Cart>> AddItemAsync(string cartToken, string sku, int quantity, CancellationToken ct) =>
        SendAsync<Cart>(HttpMethod.Post, CartPath(cartToken) + "/items", "/api/shop/carts/{cart}/items", new { sku, quantity }, null, ct);

    public Task<ShopReply<Cart>> SetQuantityAsync(string cartToken, string sku, int quantity, CancellationToken ct) =>
        SendAsync<Cart>(HttpMethod.Put, $"{CartPath(cartToken)}/items/{Uri.EscapeDataString(sku)}", "/api/shop/carts/{cart}/items/{sku}", new { quantity }, null, ct);

    public Task<ShopReply<Cart>> RemoveItemAsync(string cartToken, string sku, CancellationToken ct) =>
        SendAsync<Cart>(HttpMethod.Delete, $"{CartPath(cartToken)}/items/{Uri.EscapeDataString(sku)}", "/api/shop/carts/{cart}/items/{sku}", null, null, ct);

    public Task<ShopReply<Cart>> ApplyCouponAsync(string cartToken, string? code, CancellationToken ct) =>
        SendAsync<Cart>(HttpMethod.Post, CartPath(cartToken) + "/coupon", "/api/shop/carts/{cart}/coupon", new { code }, null, ct);

    public Task<ShopReply<Cart>> RemoveCouponAsync(string cartToken, CancellationToken ct) =>
        SendAsync<Cart>(HttpMethod.Delete, CartPath(cartToken) + "/coupon", "/api/shop/carts/{cart}/coupon", null, null, ct);

    /// <param name="idempotencyKey">From the form's hidden field: the same form sent twice is one order.</param>
    public Task<ShopReply<PlacedOrder>> CheckoutAsync(CheckoutRequest request, string idempotencyKey, CancellationToken ct) =>
        SendAsync<PlacedOrder>(HttpMethod.Post, "/api/shop/checkout", "/api/shop/checkout", request, idempotencyKey, ct);

    /// <summary>Pays the order with a card token; the order's own token proves the payer holds the order.</summary>
    public Task<ShopReply<Payment>> PayAsync(Guid orderId, string orderToken, string paymentToken, string idempotencyKey, CancellationToken ct) =>
        SendAsync<Payment>(HttpMethod.Post, $"/api/shop/orders/{orderId}/payments", "/api/shop/orders/{order}/payments", new { paymentToken, orderToken }, idempotencyKey, ct);

    /// <summary>An order, only with its token; a wrong token reads as "not found". Never cached.</summary>
    public Task<ApiResult<Order>> OrderAsync(Guid orderId, string orderToken, CancellationToken ct) =>
        GetAsync<Order>($"/api/shop/orders/{orderId}" + Query(("token", orderToken)), ct, logAs: $"/api/shop/orders/{orderId}");

    /// <summary>"My account": orders placed with the address the patient token proves; Refused when it expired. Never cached.</summary>
    public async Task<ApiReply<MyOrders>> MyOrdersAsync(string patientToken, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/shop/me/orders");
        Authorize(request, patientToken);
        return await SendForReplyAsync<MyOrders>(request, "GET my orders", ct);
    }

    /// <summary>One of the signed-in patient's orders; NotFound for another address's order or an unknown id alike.</summary>
    public async Task<ApiReply<Order>> MyOrderAsync(string patientToken, Guid orderId, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/shop/me/orders/{orderId:D}");
        Authorize(request, patientToken);
        return await SendForReplyAsync<Order>(request, "GET my order", ct);
    }

    private static string CartPath(string cartToken) => "/api/shop/carts/" + Uri.EscapeDataString(cartToken);

    /// <param name="route">The path as the log shows it: without the tokens that some paths carry.</param>
    private async Task<ShopReply<T>> SendAsync<T>(HttpMethod method, string path, string route, object? body, string? idempotencyKey, CancellationToken ct)
    {
        try
        {
            using var request = new HttpRequestMessage(method, path);
            if (body is not null)
            {
                request.Content = JsonContent.Create(body, body.GetType(), options: Json);
            }
            if (idempotencyKey is not null)
            {
                request.Headers.TryAddWithoutValidation(IdempotencyKeyHeader, idempotencyKey);
            }
            using var response = await Http.SendAsync(request, ct);
            if (response.IsSuccessStatusCode)
            {
                var value = await response.Content.ReadFromJsonAsync<T>(Json, ct);
                return value is null ? new ShopReply<T>(ShopOutcome.Unavailable) : new ShopReply<T>(ShopOutcome.Ok, value);
            }
            var outcome = response.StatusCode switch
            {
                HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity => ShopOutcome.Invalid,
                HttpStatusCode.Conflict => ShopOutcome.Conflict,
                HttpStatusCode.NotFound => ShopOutcome.NotFound,
                HttpStatusCode.TooManyRequests => ShopOutcome.TooMany,
                HttpStatusCode.PaymentRequired => ShopOutcome.Declined,
                _ => ShopOutcome.Unavailable,
            };
            if (outcome == ShopOutcome.Unavailable)
            {
                LogWriteFailed(Logger, method.Method, route, (int)response.StatusCode);
            }
            return new ShopReply<T>(outcome, Problem: outcome == ShopOutcome.Unavailable ? null : await ContentApi.ProblemAsync(response, ct));
        }
        catch (Exception e) when (IsOutage(e, ct))
        {
            LogWriteUnreachable(Logger, method.Method, route, e.GetType().Name);
            return new ShopReply<T>(ShopOutcome.Unavailable);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Route} through the gateway answered {StatusCode}; the visitor is told the shop is unavailable")]
    private static partial void LogWriteFailed(ILogger logger, string method, string route, int statusCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Route} through the gateway failed ({Error}); the visitor is told the shop is unavailable")]
    private static partial void LogWriteUnreachable(ILogger logger, string method, string route, string error);
}
