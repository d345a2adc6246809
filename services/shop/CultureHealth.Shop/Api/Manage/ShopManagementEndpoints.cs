using CultureHealth.ServiceDefaults.Auth;
using CultureHealth.ServiceDefaults.Problems;
using CultureHealth.Shop.Domain;

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

    /// <summary>A lifecycle or refund rule said no: that is a conflict with the order's state, not a server error.</summary>
    public static ProblemException ToProblem(ShopDomainException e) => e switch
    {
        InvalidRefundException => ProblemException.Unprocessable("amountPence", e.Message),
        SpentVoucherRefundException => new ProblemException(
            StatusCodes.Status409Conflict, "Gift voucher already spent", e.Message, "overrideSpentVouchers",
            "https://culturehealth.co.uk/problems/gift-voucher-spent"),
        _ => ProblemException.Conflict("Not allowed in the order's current state", e.Message),
    };
}
