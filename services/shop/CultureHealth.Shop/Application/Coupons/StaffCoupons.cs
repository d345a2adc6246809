using CultureHealth.Messaging.Data;
using CultureHealth.ServiceDefaults.Problems;
using CultureHealth.Shop.Data;
using CultureHealth.Shop.Domain;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Shop.Application.Coupons;

/// <summary>Staff listing, creating and switching off discount codes.</summary>
internal sealed class StaffCoupons(ShopDbContext db, TimeProvider clock)
{
    /// <summary>Every coupon, switched-off ones too, by code.</summary>
    public async Task<List<CouponView>> ListAsync(CancellationToken ct) =>
        (await db.Coupons.AsNoTracking().OrderBy(c => c.Code).ToListAsync(ct)).Select(CouponView.From).ToList();

    /// <param name="coupon">From <see cref="CouponInputValidation.Check"/>.</param>
    /// <exception cref="ProblemException">409: the code exists already.</exception>
    public async Task<CouponView> CreateAsync(Coupon coupon, CancellationToken ct)
    {
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

        return CouponView.From(record);
    }

    /// <returns>The switched-off coupon, or null if there is no such code.</returns>
    public async Task<CouponView?> DeactivateAsync(string code, CancellationToken ct)
    {
        var normalised = code.Trim().ToUpperInvariant();
        var record = await db.Coupons.FirstOrDefaultAsync(c => c.Code == normalised, ct);
        if (record is null)
        {
            return null;
        }

        record.Active = false;
        await db.SaveChangesAsync(ct);
        return CouponView.From(record);
    }
}
