using CultureHealth.Shop.Application;
using CultureHealth.Shop.Application.Orders;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CultureHealth.Shop.Api.Manage;

/// <summary>Gift vouchers as staff see them (<see cref="StaffGiftVouchers"/>). Read-only.</summary>
internal static class GiftVoucherManagementEndpoints
{
    public static RouteGroupBuilder MapGiftVoucherManagement(this RouteGroupBuilder manage)
    {
        manage.MapGet("/gift-vouchers", List).WithTags("Gift vouchers (staff)");
        return manage;
    }

    private static async Task<Ok<PagedList<GiftVoucherStaffView>>> List(int? page, int? pageSize, StaffGiftVouchers vouchers, CancellationToken ct)
    {
        var (pageNumber, size) = Paging.Normalise(page, pageSize, 50);
        return TypedResults.Ok(await vouchers.ListAsync(pageNumber, size, ct));
    }
}
