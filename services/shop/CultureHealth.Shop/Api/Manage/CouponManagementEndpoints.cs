using CultureHealth.Messaging.Data;
using CultureHealth.ServiceDefaults.Problems;
using CultureHealth.Shop.Data;
using CultureHealth.Shop.Domain;
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

    private static async Task<Results<Created<CouponView>, ValidationProblem>> Create(
        CouponInput body, ShopDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var v = new RequestValidator().Required("code", body.Code, Coupon.MaxCodeLength);
        if (body.Kind is null || !Enum.IsDefined(body.Kind.Value))
        {
            v.Add("kind", "One of percentage, fixedAmount.");
        }

        if (v.Failed)
        {
            return v.Problem();
        }

        Coupon coupon;
        try
        {
            // The domain factories hold the rules (1..100 %, positive amounts, limits of at least 1).
            coupon = body.Kind == CouponKind.Percentage
                ? Coupon.Percentage(body.Code!, body.PercentageBasisPoints ?? 0, body.MinimumSpendPence ?? 0, body.ExpiresAt, body.UsageLimit, body.PerCustomerLimit)
                : Coupon.FixedAmount(body.Code!, body.AmountPence ?? 0, body.MinimumSpendPence ?? 0, body.ExpiresAt, body.UsageLimit, body.PerCustomerLimit);
        }
        catch (ArgumentException e)
        {
            var field = e.ParamName switch
            {
                "basisPoints" => "percentageBasisPoints",
                "amountPence" => "amountPence",
                "minimumSpendPence" => "minimumSpendPence",
                "usageLimit" => "usageLimit",
                "perCustomerLimit" => "perCustomerLimit",
                _ => "code",
            };
            return new RequestValidator().Add(field, e.Message).Problem();
        }

        var now = clock.GetUtcNow();
        var record = new CouponRecord
        {
            Id = Guid.CreateVersion7(now), Code = coupon.Code, Kind = coupon.Kind, PercentageBasisPoints = coupon.PercentageBasisPoints,
            FixedAmountPence = coupon.FixedAmountPence, MinimumSpendPence = coupon.MinimumSpendPence, ExpiresAt = coupon.ExpiresAt,
            UsageLimit = coupon.UsageLimit, PerCustomerLimit = coupon.PerCustomerLimit, Active = true, CreatedAt = now,
        };
        db.Coupons.Add(record);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (PostgresErrors.IsUniqueViolation(e))
        {
            throw new ProblemException(StatusCodes.Status409Conflict, "Already exists", $"A coupon {coupon.Code} already exists.", "code");
        }

        return TypedResults.Created($"/manage/shop/coupons/{record.Code}", ToView(record));
    }

    private static async Task<Results<Ok<CouponView>, NotFound>> Deactivate(string code, ShopDbContext db, CancellationToken ct)
    {
        var normalised = code.Trim().ToUpperInvariant();
        var record = await db.Coupons.FirstOrDefaultAsync(c => c.Code == normalised, ct);
        if (record is null)
        {
            return TypedResults.NotFound();
        }

        record.Active = false;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToView(record));
    }

    private static CouponView ToView(CouponRecord c) => new(
        c.Id, c.Code, c.Kind, c.PercentageBasisPoints, c.FixedAmountPence, c.MinimumSpendPence, c.ExpiresAt,
        c.UsageLimit, c.PerCustomerLimit, c.TimesRedeemed, c.Active);
}
