using CultureHealth.Storefront.Api;
using CultureHealth.Storefront.Web;
using Microsoft.AspNetCore.Mvc;

namespace CultureHealth.Storefront.Pages.Checkout;

/// <summary>
/// /checkout/confirmation: "thank you", what was bought and what happens next (posted, emailed, sessions credited),
/// and the order's private status link. Reads the order from the HttpOnly order cookie set at checkout.
/// </summary>
public sealed class ConfirmationModel(ShopApi shop, ShopSession session) : SitePage
{
    public Order Order { get; private set; } = null!;
    public bool Unavailable { get; private set; }
    /// <summary>The status page's link, with the order's token: the customer keeps it to check the order later.</summary>
    public string StatusLink { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Meta.Title = "Order confirmed";
        Meta.Description = "Your Cultural Health Club order is confirmed.";
        Meta.NoIndex = true;
        Response.Headers.CacheControl = "no-cache, no-store";
        // The page shows a link with the order's token: it is never sent on as a Referer.
        Response.SendNoReferrer();
        if (session.Order is not { } ticket)
        {
            return Redirect(SiteRoutes.Cart);
        }
        var order = await shop.OrderAsync(ticket.OrderId, ticket.Token, ct);
        if (order.IsUnavailable)
        {
            Unavailable = true;
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = "30";
            return Page();
        }
        if (!order.IsOk)
        {
            session.ForgetOrder();
            return Redirect(SiteRoutes.Cart);
        }
        Order = order.Value!;
        if (Order.AwaitsPayment)
        {
            return Redirect(SiteRoutes.CheckoutPayment);
        }
        // Paid: the cart became this order (the payment step dropped it too; a voucher-paid order never went there).
        if (Order.IsPaid)
        {
            session.ForgetCart();
        }
        StatusLink = SiteRoutes.OrderStatus(Order.Id, ticket.Token);
        return Page();
    }
}
