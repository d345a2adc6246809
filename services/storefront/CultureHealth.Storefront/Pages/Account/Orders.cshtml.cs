using CultureHealth.Storefront.Api;
using CultureHealth.Storefront.Appointments;
using Microsoft.AspNetCore.Mvc;

namespace CultureHealth.Storefront.Pages.Account;

/// <summary>Every order placed with the signed-in address (as a guest too), newest first, with its status.</summary>
public sealed class OrdersModel(ShopApi shop) : SignedInPage
{
    public override string Section => AccountRoutes.Orders;

    public MyOrders? Orders { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Titled("My orders", "Your shop orders and their status.");
        var reply = await shop.MyOrdersAsync(PatientToken, ct);
        if (Refused(reply))
        {
            return SignInAgain();
        }
        Orders = reply.Value;
        return Page();
    }
}
