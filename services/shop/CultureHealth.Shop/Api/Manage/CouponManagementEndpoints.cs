using CultureHealth.Shop.Application.Coupons;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CultureHealth.Shop.Api.Manage;

internal static class CouponManagementEndpoints
{
    public static RouteGroupBuilder MapCouponManagement(this RouteGroupBuilder manage)
    {
        var coupons = manage.MapGroup("/coupons").WithTags("Coupons (staff)");
        coupons.MapGet("/", List);
        coupons.MapPost("/", Create);
        coupons.MapPost("/{code}/deactivate", Deactivate);
        return manage;
    }

    private static async Task<Ok<List<CouponView>>> List(StaffCoupons coupons, CancellationToken ct) =>
        TypedResults.Ok(await coupons.ListAsync(ct));

    private static async Task<Results<Created<CouponView>, ValidationProblem>> Create(CouponInput body, StaffCoupons coupons, CancellationToken ct)
    {
        var v = CouponInputValidation.Check(body, out var coupon);
        if (v.Failed)
        {
            return v.Problem();
        }

        var created = await coupons.CreateAsync(coupon!, ct);
        return TypedResults.Created($"/manage/shop/coupons/{created.Code}", created);
    }

    private static async Task<Results<Ok<CouponView>, NotFound>> Deactivate(string code, StaffCoupons coupons, CancellationToken ct) =>
        await coupons.DeactivateAsync(code, ct) is { } coupon ? TypedResults.Ok(coupon) : TypedResults.NotFound();
}
