using System.Globalization;
using CultureHealth.Storefront.Api;
using CultureHealth.Storefront.Seo;
using CultureHealth.Storefront.Web;
using Microsoft.AspNetCore.Mvc;

namespace CultureHealth.Storefront.Pages.Cart;

/// <summary>
/// /cart: the lines (quantity and remove), a coupon code, delivery and totals with the VAT in them, and the
/// way to checkout; "Your cart is empty" with "Return to Shop" when it is. Every change is a plain form
/// post (POST → redirect → GET), answered inline with the shop's own words when it refuses.
/// </summary>
public sealed class IndexModel(ShopApi shop, ShopSession session) : SitePage
{
    public Api.Cart? Cart { get; private set; }
    public bool Unavailable { get; private set; }
    /// <summary>An order placed from this cart that still waits for payment (e.g. after a declined card).</summary>
    public Order? AwaitingPayment { get; private set; }

    public string? Notice { get; private set; }
    public bool NoticeIsProblem { get; private set; }
    /// <summary>Errors next to the line they are about, by SKU.</summary>
    public Dictionary<string, string> LineErrors { get; } = new(StringComparer.OrdinalIgnoreCase);
    public string? CouponError { get; private set; }

    [BindProperty]
    public string? CouponCode { get; set; }

    public async Task<IActionResult> OnGetAsync(string? done, CancellationToken ct)
    {
        Notice = done switch
        {
            "updated" => "Your cart is updated.",
            "removed" => "The item is removed from your cart.",
            "coupon" => "Your code is applied.",
            "coupon-removed" => "The code is removed.",
            "order-gone" => "That order can no longer be paid (unpaid orders lapse after a few minutes). Your cart is below: check out again when you are ready.",
            _ => null,
        };
        await LoadAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostUpdateAsync(string sku, string? quantity, CancellationToken ct)
    {
        if (!int.TryParse(quantity?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            LineErrors[sku] = "Enter a number, for example 1. To take the item out, use Remove.";
            return RenderAsync(ct);
        }
        return ChangeAsync(token => shop.SetQuantityAsync(token, sku, number, ct), "updated", sku, ct);
    }

    public Task<IActionResult> OnPostRemoveAsync(string sku, CancellationToken ct) =>
        ChangeAsync(token => shop.RemoveItemAsync(token, sku, ct), "removed", sku, ct);

    public Task<IActionResult> OnPostCouponAsync(CancellationToken ct) =>
        ChangeAsync(token => shop.ApplyCouponAsync(token, CouponCode?.Trim(), ct), "coupon", null, ct);

    public Task<IActionResult> OnPostRemoveCouponAsync(CancellationToken ct) =>
        ChangeAsync(token => shop.RemoveCouponAsync(token, ct), "coupon-removed", null, ct);

    private async Task<IActionResult> ChangeAsync(Func<string, Task<ShopReply<Api.Cart>>> change, string done, string? sku, CancellationToken ct)
    {
        if (session.CartToken is null)
        {
            // Nothing to change (the cookie expired, or a form from an old tab): show what there is.
            return Redirect(SiteRoutes.Cart);
        }
        var reply = await session.ChangeCartAsync(change, ct);
        if (reply.IsOk)
        {
            return Redirect($"{SiteRoutes.Cart}?done={done}");
        }
        var message = reply.Outcome switch
        {
            ShopOutcome.Unavailable => "The shop is unavailable right now, so your cart was not changed. Please try again in a few minutes.",
            ShopOutcome.TooMany => "You have made a lot of changes in a short time. Please wait a minute and try again.",
            _ => FieldMessage(reply.Problem, sku) ?? reply.Problem?.Detail ?? "That change could not be made.",
        };
        if (done is "coupon" or "coupon-removed" && reply.Outcome is ShopOutcome.Invalid or ShopOutcome.Conflict or ShopOutcome.NotFound)
        {
            CouponError = message;
        }
        else if (sku is not null && reply.Outcome is not (ShopOutcome.Unavailable or ShopOutcome.TooMany))
        {
            LineErrors[sku] = message;
        }
        else
        {
            Notice = message;
            NoticeIsProblem = true;
        }
        if (reply.Outcome == ShopOutcome.Unavailable)
        {
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        }
        return await RenderAsync(ct);
    }

    /// <summary>The shop's message for the field this form was about ("quantity", "code", or the line's "items[SKU]").</summary>
    private static string? FieldMessage(ApiProblem? problem, string? sku) =>
        problem?.ErrorFor("quantity") ?? problem?.ErrorFor("code") ?? (sku is null ? null : problem?.ErrorFor($"items[{sku}]")) ?? problem?.ErrorFor("sku");

    private async Task<IActionResult> RenderAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var cart = await session.CartAsync(ct);
        if (cart.IsUnavailable)
        {
            Unavailable = true;
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = "30";
        }
        Cart = cart.IsOk && !cart.Value!.IsEmpty ? cart.Value : null;
        if (Cart is not null && session.Order is { } ticket && (await shop.OrderAsync(ticket.OrderId, ticket.Token, ct)) is { IsOk: true } order
            && order.Value!.AwaitsPayment)
        {
            AwaitingPayment = order.Value;
        }

        Meta.Title = "Your cart";
        Meta.Description = "The items in your Cultural Health Club cart, delivery and the total with VAT, before you check out.";
        Meta.CanonicalPath = SiteRoutes.Cart;
        // A cart with things in it is one visitor's: kept out of search engines and shared caches. The empty cart
        // is the same page for everyone (crawlers never have a cart), so it stays an ordinary public page.
        if (Cart is not null || Unavailable)
        {
            Meta.NoIndex = true;
        }
        Response.Headers.CacheControl = "no-cache, no-store";
        Trail(new Breadcrumb("Shop", SiteRoutes.Shop), new Breadcrumb("Cart", SiteRoutes.Cart));
    }
}
