namespace CultureHealth.Shop.Domain;

public enum CouponKind
{
    /// <summary>A share of the eligible subtotal, in basis points (1500 = 15 %).</summary>
    Percentage,

    /// <summary>A fixed amount off, in pence, capped at the eligible subtotal.</summary>
    FixedAmount,
}
