namespace CultureHealth.Shop.Domain;

public enum CouponRejectionReason
{
    NotActive,
    Expired,
    UsageLimitReached,
    CustomerLimitReached,
    MinimumSpendNotMet,

    /// <summary>The basket holds only gift vouchers (or nothing with a price), so there is nothing to discount.</summary>
    NoEligibleItems,
}
