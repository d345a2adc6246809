using System.Globalization;

namespace CultureHealth.Shop.Domain;

public static class CouponEvaluator
{
    /// <summary>Sum of the lines a coupon may discount: everything except gift vouchers.</summary>
    public static long EligibleSubtotalOf(IEnumerable<CartLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return lines.Where(line => line.IsCouponEligible).Sum(line => line.LineTotalPence);
    }

    public static CouponEvaluation Evaluate(
        Coupon coupon, IEnumerable<CartLine> lines, DateTimeOffset now, int timesUsedTotal, int timesUsedByCustomer) =>
        Evaluate(coupon, EligibleSubtotalOf(lines), now, timesUsedTotal, timesUsedByCustomer);

    /// <summary>
    /// Checks the coupon's rules in the order a customer can act on them (whether it exists at all, then
    /// limits, then how much to spend) and works out the discount on <paramref name="eligibleSubtotalPence"/>.
    /// </summary>
    public static CouponEvaluation Evaluate(
        Coupon coupon, long eligibleSubtotalPence, DateTimeOffset now, int timesUsedTotal, int timesUsedByCustomer)
    {
        ArgumentNullException.ThrowIfNull(coupon);
        ArgumentOutOfRangeException.ThrowIfNegative(eligibleSubtotalPence);
        ArgumentOutOfRangeException.ThrowIfNegative(timesUsedTotal);
        ArgumentOutOfRangeException.ThrowIfNegative(timesUsedByCustomer);

        if (!coupon.IsActive)
        {
            return Reject(coupon, CouponRejectionReason.NotActive, $"The code {coupon.Code} is not currently active.");
        }

        if (coupon.ExpiresAt is { } expiresAt && now >= expiresAt)
        {
            return Reject(coupon, CouponRejectionReason.Expired, $"The code {coupon.Code} has expired.");
        }

        if (coupon.UsageLimit is { } usageLimit && timesUsedTotal >= usageLimit)
        {
            return Reject(coupon, CouponRejectionReason.UsageLimitReached, $"The code {coupon.Code} has been fully redeemed.");
        }

        if (coupon.PerCustomerLimit is { } perCustomerLimit && timesUsedByCustomer >= perCustomerLimit)
        {
            return Reject(
                coupon, CouponRejectionReason.CustomerLimitReached, $"You have already used the code {coupon.Code}.");
        }

        if (eligibleSubtotalPence == 0)
        {
            return Reject(
                coupon, CouponRejectionReason.NoEligibleItems,
                $"The code {coupon.Code} cannot be used on gift vouchers; add another item to use it.");
        }

        if (eligibleSubtotalPence < coupon.MinimumSpendPence)
        {
            return Reject(
                coupon, CouponRejectionReason.MinimumSpendNotMet,
                $"Spend at least {FormatPounds(coupon.MinimumSpendPence)} (gift vouchers excluded) to use the code " +
                $"{coupon.Code}; your basket comes to {FormatPounds(eligibleSubtotalPence)}.");
        }

        return new CouponApplied(coupon.Code, coupon.DiscountOn(eligibleSubtotalPence), eligibleSubtotalPence);
    }

    private static CouponRejected Reject(Coupon coupon, CouponRejectionReason reason, string message) =>
        new(coupon.Code, reason, message);

    // Integer formatting keeps money out of floating point; the invariant culture groups thousands the way
    // en-GB does and still works where the host runs with invariant globalisation.
    private static string FormatPounds(long pence) =>
        string.Create(CultureInfo.InvariantCulture, $"£{pence / 100:N0}.{pence % 100:00}");
}
