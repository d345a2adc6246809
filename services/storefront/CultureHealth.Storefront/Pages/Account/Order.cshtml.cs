using CultureHealth.Storefront.Api;
using CultureHealth.Storefront.Appointments;
using Microsoft.AspNetCore.Mvc;

namespace CultureHealth.Storefront.Pages.Account;

/// <summary>One of the signed-in patient's orders in full; another address's order is the ordinary 404 page.</summary>
public sealed class OrderModel(ShopApi shop) : SignedInPage
{
    public override string Section => AccountRoutes.Orders;

    public Order? Order { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var reply = await shop.MyOrderAsync(PatientToken, id, ct);
        switch (reply.Kind)
        {
            case ReplyKind.Refused:
                return SignInAgain();
            case ReplyKind.NotFound or ReplyKind.Invalid:
                return NotFound();
            case ReplyKind.Done:
                Order = reply.Value;
                Titled($"Order {Order!.Number}", $"The status of order {Order.Number}.");
                return Page();
            default:
                Titled("Your order", "Your order's status cannot be shown right now.");
                Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                Response.Headers.RetryAfter = "30";
                return Page();
        }
    }
}
