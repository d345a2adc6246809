using CultureHealth.Storefront.Api;
using CultureHealth.Storefront.Appointments;

namespace CultureHealth.Storefront.Pages.Account;

/// <summary>Every order placed with the signed-in address (as a guest too), newest first, with its status.</summary>
public sealed class OrdersModel(ShopApi shop)
    : SignedInListPage<MyOrders>("My orders", "Your shop orders and their status.", shop.MyOrdersAsync)
{
    public override string Section => AccountRoutes.Orders;

    public MyOrders? Orders => Shown;
}
