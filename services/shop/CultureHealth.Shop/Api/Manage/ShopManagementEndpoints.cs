using CultureHealth.ServiceDefaults.Auth;

namespace CultureHealth.Shop.Api.Manage;

/// <summary>Staff management, reached through the admin service (/api/admin/shop/... → /manage/shop/...).</summary>
public static class ShopManagementEndpoints
{
    public static IEndpointRouteBuilder MapShopManagementApi(this IEndpointRouteBuilder app)
    {
        var manage = app.MapGroup("/manage/shop").RequireAuthorization(StaffPolicies.ShopManager);
        manage.MapProductManagement();
        manage.MapCouponManagement();
        manage.MapOrderManagement();
        manage.MapGiftVoucherManagement();
        return app;
    }
}
