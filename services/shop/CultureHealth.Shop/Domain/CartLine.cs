namespace CultureHealth.Shop.Domain;

/// <summary>One line of a basket as priced by the catalogue; <see cref="UnitPricePence"/> is VAT-inclusive.</summary>
public sealed record CartLine(
    string Sku,
    string Name,
    ProductKind Kind,
    VatClass VatClass,
    long UnitPricePence,
    int Quantity)
{
    /// <summary>Coupons never reduce the price of gift vouchers: that would let discounts be turned into cash.</summary>
    public bool IsCouponEligible => Kind != ProductKind.GiftVoucher;

    public long LineTotalPence => checked(UnitPricePence * Quantity);
}
