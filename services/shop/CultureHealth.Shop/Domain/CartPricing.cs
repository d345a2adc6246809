namespace CultureHealth.Shop.Domain;

/// <summary>
/// A fully priced basket. <see cref="GrandTotalPence"/> is the value of the supplies (the VAT base);
/// <see cref="AmountToPayPence"/> is what is left to collect by card after any gift voucher.
/// </summary>
public sealed record CartPricing(
    IReadOnlyList<PricedLine> Lines,
    long SubtotalPence,
    string? CouponCode,
    long DiscountPence,
    long ShippingPence,
    long ShippingVatPence,
    long VatPence,
    long GrandTotalPence,
    long VoucherAppliedPence,
    long AmountToPayPence)
{
    public bool RequiresShipping => Lines.Any(line => line.Kind == ProductKind.Physical);
}
