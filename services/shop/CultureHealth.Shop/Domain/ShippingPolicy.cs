namespace CultureHealth.Shop.Domain;

/// <summary>
/// Flat-rate UK delivery, free once the physical goods reach a threshold. Delivery is a standard-rated
/// supply and, like every price here, VAT-inclusive.
/// </summary>
public sealed record ShippingPolicy
{
    public ShippingPolicy(long flatRatePence = 395, long freeFromPence = 5_000)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(flatRatePence);
        ArgumentOutOfRangeException.ThrowIfNegative(freeFromPence);
        FlatRatePence = flatRatePence;
        FreeFromPence = freeFromPence;
    }

    public static ShippingPolicy Default { get; } = new();

    public long FlatRatePence { get; }

    /// <summary>Delivery is free when the qualifying subtotal is at least this ("free on orders of £50 or more").</summary>
    public long FreeFromPence { get; }

    public const VatClass DeliveryVatClass = VatClass.Standard;

    /// <summary>
    /// The qualifying subtotal is the physical goods after their share of any coupon discount: vouchers and
    /// treatment packages are not posted, so they should not buy free postage for a single massage ball.
    /// </summary>
    public long ChargeFor(long physicalGoodsAfterDiscountPence, bool hasPhysicalItems)
    {
        if (!hasPhysicalItems)
        {
            return 0;
        }

        return physicalGoodsAfterDiscountPence >= FreeFromPence ? 0 : FlatRatePence;
    }
}
