using CultureHealth.Storefront.Api;

namespace CultureHealth.Storefront.Web;

/// <summary>The order a visitor is paying for: its id and the token that reads and pays it.</summary>
public sealed record OrderTicket(Guid OrderId, string Token)
{
    public override string ToString() => $"OrderTicket {{ OrderId = {OrderId} }}";
}

/// <summary>
/// A visitor's place in the shop, kept only in HttpOnly cookies so any replica serves any request:
/// <see cref="SiteCookies.Cart"/> holds the cart's token, <see cref="OrderCookie"/> the order being paid
/// ("{orderId}.{token}", set at checkout). Neither token ever appears in a URL, a page or a log.
/// </summary>
public sealed class ShopSession(IHttpContextAccessor accessor, ShopApi shop)
{
    public const string OrderCookie = "ch-order";

    /// <summary>The shop forgets a cart after a week without use; the cookie may outlive it (a 404 then means "empty").</summary>
    private static readonly TimeSpan CartLifetime = TimeSpan.FromDays(30);

    /// <summary>Long enough to pay (the shop cancels unpaid orders after minutes) and to reload the confirmation.</summary>
    private static readonly TimeSpan OrderLifetime = TimeSpan.FromDays(1);

    private HttpContext Context => accessor.HttpContext ?? throw new InvalidOperationException("No request.");

    public string? CartToken => Context.Request.Cookies[SiteCookies.Cart] is { Length: > 0 } token ? token : null;

    public OrderTicket? Order
    {
        get
        {
            var value = Context.Request.Cookies[OrderCookie];
            var dot = value?.IndexOf('.', StringComparison.Ordinal) ?? -1;
            return dot > 0 && Guid.TryParse(value.AsSpan(0, dot), out var id) && dot < value!.Length - 1
                ? new OrderTicket(id, value[(dot + 1)..])
                : null;
        }
    }

    /// <summary>The visitor's cart; NotFound when they have none (or it expired: the cookie is then dropped).</summary>
    public async Task<ApiResult<Cart>> CartAsync(CancellationToken ct)
    {
        if (CartToken is not { } token)
        {
            return ApiResult<Cart>.NotFound();
        }
        var cart = await shop.CartAsync(token, ct);
        if (cart.IsNotFound)
        {
            ForgetCart();
        }
        return cart;
    }

    /// <summary>
    /// Changes the visitor's cart, making one first when they have none. A cart that expired is replaced by a new
    /// one; a cart that already became an order (checkout, then back to the cart, e.g. after a declined card) is
    /// copied into a new cart, so the visitor can change it again: the unpaid order then lapses on its own.
    /// </summary>
    public async Task<ShopReply<Cart>> ChangeCartAsync(Func<string, Task<ShopReply<Cart>>> change, CancellationToken ct)
    {
        var token = CartToken ?? await NewCartAsync(ct);
        if (token is null)
        {
            return new ShopReply<Cart>(ShopOutcome.Unavailable);
        }
        var reply = await change(token);
        string? replacement = null;
        if (reply.Outcome == ShopOutcome.NotFound && reply.Problem?.ErrorFor("cartId") is not null)
        {
            replacement = await NewCartAsync(ct);
        }
        else if (reply.CartCheckedOut)
        {
            replacement = await ReopenAsync(token, ct);
        }
        return replacement is null ? reply : await change(replacement);
    }

    /// <summary>Copies the visitor's checked-out cart into a new one (their cookie then holds it).</summary>
    /// <returns>The new cart's token, or null when the shop could not be reached.</returns>
    public Task<string?> ReopenCartAsync(CancellationToken ct) =>
        CartToken is { } token ? ReopenAsync(token, ct) : Task.FromResult<string?>(null);

    public void ForgetCart() => Context.Response.Cookies.Delete(SiteCookies.Cart, SiteCookies.Options(Context));

    public void RememberOrder(Guid orderId, string token) =>
        Context.Response.Cookies.Append(OrderCookie, $"{orderId}.{token}", SiteCookies.Options(Context, OrderLifetime));

    public void ForgetOrder() => Context.Response.Cookies.Delete(OrderCookie, SiteCookies.Options(Context));

    private async Task<string?> NewCartAsync(CancellationToken ct)
    {
        var created = await shop.CreateCartAsync(ct);
        if (created is not { IsOk: true, Value.CartId: { Length: > 0 } token })
        {
            return null;
        }
        Context.Response.Cookies.Append(SiteCookies.Cart, token, SiteCookies.Options(Context, CartLifetime));
        return token;
    }

    /// <summary>A new cart with the old one's lines and code; lines that no longer fit (stock) are left out.</summary>
    private async Task<string?> ReopenAsync(string checkedOutToken, CancellationToken ct)
    {
        var old = await shop.CartAsync(checkedOutToken, ct);
        var token = await NewCartAsync(ct);
        if (token is null)
        {
            return null;
        }
        foreach (var line in old.Value?.Lines ?? [])
        {
            await shop.AddItemAsync(token, line.Sku, line.Quantity, ct);
        }
        if (old.Value?.CouponCode is { } code)
        {
            await shop.ApplyCouponAsync(token, code, ct);
        }
        ForgetOrder();
        return token;
    }
}
