using CultureHealth.Storefront.Api;
using CultureHealth.Storefront.Web;
using Microsoft.AspNetCore.Mvc;

namespace CultureHealth.Storefront.Pages.Orders;

/// <summary>
/// /orders/{id}?token=…: an order's status, reachable only with its token (the link on the confirmation page,
/// the form a receipt email can carry). A wrong or missing token is the ordinary 404 page, exactly as for an
/// order that does not exist. The URL is a secret: the page sends no Referer, is never indexed or stored.
/// </summary>
public sealed class StatusModel(ShopApi shop, ShopSession session) : SitePage
{
    public Order Order { get; private set; } = null!;
    public bool Unavailable { get; private set; }
    /// <summary>This browser placed the order and can still pay it (the order cookie matches).</summary>
    public bool CanPayHere { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? token, CancellationToken ct)
    {
        Response.SendNoReferrer();
        Response.Headers.CacheControl = "no-cache, no-store";
        Meta.NoIndex = true;
        if (string.IsNullOrEmpty(token))
        {
            return NotFound();
        }
        var order = await shop.OrderAsync(id, token, ct);
        if (order.IsNotFound)
        {
            return NotFound();
        }
        if (order.IsUnavailable)
        {
            Unavailable = true;
            Meta.Title = "Order status unavailable";
            Meta.Description = "Your order's status cannot be shown right now.";
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = "30";
            return Page();
        }
        Order = order.Value!;
        CanPayHere = Order.AwaitsPayment && session.Order?.OrderId == Order.Id;
        Meta.Title = $"Order {Order.Number}";
        Meta.Description = $"The status of Cultural Health Club order {Order.Number}.";
        return Page();
    }

    /// <summary>The steps an order goes through, for the progress list: posted goods are shipped and delivered, the rest completes on payment.</summary>
    public IReadOnlyList<(string Label, bool Done)> Steps()
    {
        var history = Order.History.Select(h => h.To).ToHashSet(StringComparer.Ordinal);
        var paid = Order.IsPaid || history.Contains(OrderStatuses.Paid) || history.Contains(OrderStatuses.Completed);
        if (Order.ShippingAddress is null)
        {
            return [("Placed", true), ("Paid", paid), ("Complete", history.Contains(OrderStatuses.Completed))];
        }
        var shipped = history.Contains(OrderStatuses.Shipped) || history.Contains(OrderStatuses.Delivered);
        return [("Placed", true), ("Paid", paid), ("Posted", shipped), ("Delivered", history.Contains(OrderStatuses.Delivered))];
    }
}
