using CultureHealth.Shop.Application.Coupons;
using CultureHealth.Shop.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

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

    private static async Task<Ok<List<CouponView>>> List(ShopDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.Coupons.AsNoTracking().OrderBy(c => c.Code).ToListAsync(ct)).Select(ToView).ToList());

    private static async Task<Results<Created<CouponView>, ValidationProblem>> Create(CouponInput body, StaffCoupons coupons, CancellationToken ct)
    {
        var v = CouponInputValidation.Check(body, out var coupon);
        if (v.Failed)
        {
            return v.Problem();
        }

        var record = await coupons.CreateAsync(coupon!, ct);
        return TypedResults.Created($"/manage/shop/coupons/{record.Code}", ToView(record));
    }

    private static async Task<Results<Ok<CouponView>, NotFound>> Deactivate(string code, StaffCoupons coupons, CancellationToken ct) =>
        await coupons.DeactivateAsync(code, ct) is { } record ? TypedResults.Ok(ToView(record)) : TypedResults.NotFound();

    private static CouponView ToView(CouponRecord c) => new(
        c.Id, c.Code, c.Kind, c.PercentageBasisPoints, c.FixedAmountPence, c.MinimumSpendPence, c.ExpiresAt,
        c.UsageLimit, c.PerCustomerLimit, c.TimesRedeemed, c.Active);
}
