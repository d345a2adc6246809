namespace CultureHealth.Shop.Domain;

/// <summary>The outcome of trying a coupon against a basket: <see cref="CouponApplied"/> or <see cref="CouponRejected"/>.</summary>
public abstract record CouponEvaluation(string Code)
{
    public bool IsApplied => this is CouponApplied;
}

/// <summary>
/// A coupon that may be used. Carries the eligible subtotal it was evaluated on so the price calculator can
/// refuse it if the basket changed in between.
/// </summary>
public sealed record CouponApplied(string Code, long DiscountPence, long EligibleSubtotalPence) : CouponEvaluation(Code);

/// <summary>A coupon that may not be used, with a stable reason code for clients and a message for people.</summary>
public sealed record CouponRejected(string Code, CouponRejectionReason Reason, string Message) : CouponEvaluation(Code);
