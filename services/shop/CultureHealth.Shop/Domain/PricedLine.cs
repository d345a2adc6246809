namespace CultureHealth.Shop.Domain;

/// <summary>A basket line after pricing. All amounts are VAT-inclusive pence.</summary>
public sealed record PricedLine(
    string Sku,
    string Name,
    ProductKind Kind,
    VatClass VatClass,
    long UnitPricePence,
    int Quantity,
    long LineTotalPence,
    long DiscountPence,
    long VatPence)
{
    /// <summary>What the customer is charged for this line: the base its VAT is worked out on.</summary>
    public long ChargedPence => LineTotalPence - DiscountPence;
}
