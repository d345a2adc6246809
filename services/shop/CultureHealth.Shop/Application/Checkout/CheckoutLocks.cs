using CultureHealth.ServiceDefaults.Problems;
using CultureHealth.ServiceDefaults.Secrets;
using CultureHealth.Shop.Data;
using CultureHealth.Shop.Domain;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Shop.Application.Checkout;

internal sealed record LockedCoupon(CouponRecord Record, CouponApplied Applied);

/// <summary>
/// The rows a checkout changes besides stock, each taken under lock for the rest of its transaction: the cart
/// (claimed for the order), the coupon (its usage counted without a race) and the gift voucher (its balance spent once).
/// </summary>
internal sealed class CheckoutLocks(ShopDbContext db)
{
    /// <summary>
    /// Marks the cart as becoming this order. The conditional update takes the cart's row lock, so two checkouts of
    /// one cart (with different keys) cannot both succeed.
    /// </summary>
    public async Task<Cart> ClaimCartAsync(string cartToken, Guid orderId, DateTimeOffset now, CancellationToken ct)
    {
        var cartId = cartToken.Length == SecretToken.TokenLength ? SecretToken.HashOf(cartToken) : "";
        var claimed = await db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE carts SET order_id = {orderId}, updated_at = {now} WHERE id = {cartId} AND order_id IS NULL AND expires_at > {now}", ct);
        var cart = await db.Carts.AsNoTracking().Include(c => c.Items).ThenInclude(i => i.Product)
            .FirstOrDefaultAsync(c => c.Id == cartId, ct);
        if (claimed == 1 && cart is not null)
        {
            return cart;
        }

        throw cart is null || cart.ExpiresAt <= now ? ShopProblems.CartNotFound() : ShopProblems.CartCheckedOut();
    }

    /// <summary>Row-locks the coupon so its usage limits are counted without a race, then applies its rules.</summary>
    public async Task<LockedCoupon> LockCouponAsync(string code, string email, IReadOnlyList<CartLine> lines, DateTimeOffset now, CancellationToken ct)
    {
        var record = (await db.Coupons.FromSqlInterpolated($"SELECT * FROM coupons WHERE code = {code} FOR UPDATE").ToListAsync(ct))
            .SingleOrDefault() ?? throw ShopProblems.CouponRefused("couponCode", null);
        var lowerEmail = email.ToLowerInvariant();
        var byCustomer = await db.CouponRedemptions.CountAsync(r => r.CouponId == record.Id && r.CustomerEmail == lowerEmail, ct);
        return CouponEvaluator.Evaluate(record.ToDomain(), lines, now, record.TimesRedeemed, byCustomer) switch
        {
            CouponApplied applied => new LockedCoupon(record, applied),
            CouponRejected rejected => throw ShopProblems.CouponRefused("couponCode", rejected),
            _ => throw new InvalidOperationException("Unknown coupon evaluation."),
        };
    }

    public async Task<GiftVoucher> LockVoucherAsync(string typedCode, CancellationToken ct)
    {
        var codeHash = GiftVoucherCode.Parse(typedCode).Hash;
        var voucher = (await db.GiftVouchers.FromSqlInterpolated($"SELECT * FROM gift_vouchers WHERE code_hash = {codeHash} FOR UPDATE").ToListAsync(ct))
            .SingleOrDefault() ?? throw ProblemException.Unprocessable("giftVoucherCode", "That gift voucher code is not recognised.");
        return voucher.BalancePence > 0
            ? voucher
            : throw ProblemException.Unprocessable("giftVoucherCode", "That gift voucher has been spent.");
    }

    /// <summary>Counts one use of the locked coupon, by this customer, for this order.</summary>
    public void Redeem(CouponRecord coupon, Order order, string email, DateTimeOffset now)
    {
        coupon.TimesRedeemed++;
        db.CouponRedemptions.Add(new CouponRedemption
        {
            Id = Guid.CreateVersion7(now), CouponId = coupon.Id, OrderId = order.Id,
            CustomerEmail = email.ToLowerInvariant(), RedeemedAt = now,
        });
    }
}
