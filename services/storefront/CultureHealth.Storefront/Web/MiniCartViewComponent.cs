using CultureHealth.Storefront.Api;
using Microsoft.AspNetCore.Mvc;

namespace CultureHealth.Storefront.Web;

public enum MiniCartState { Empty, Filled, Unavailable }

public sealed record MiniCartModel(MiniCartState State, Cart? Cart);

/// <summary>
/// The cart on every page. A visitor's cart is read with their own token on every request and never
/// cached; without a cart, the shared (cached) catalogue read tells whether the shop is up at all.
/// </summary>
public sealed class MiniCartViewComponent(ShopApi shop) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var ct = HttpContext.RequestAborted;
        if (Request.Cookies[SiteCookies.Cart] is { Length: > 0 } token)
        {
            var cart = await shop.CartAsync(token, ct);
            if (cart.IsUnavailable)
            {
                return View(new MiniCartModel(MiniCartState.Unavailable, null));
            }
            if (cart.IsOk && cart.Value!.Lines.Count > 0)
            {
                return View(new MiniCartModel(MiniCartState.Filled, cart.Value));
            }
            return View(new MiniCartModel(MiniCartState.Empty, null));
        }
        var catalogue = await shop.FeaturedProductsAsync(ct);
        return View(new MiniCartModel(catalogue.IsUnavailable ? MiniCartState.Unavailable : MiniCartState.Empty, null));
    }
}
