using System.ComponentModel;

namespace CultureHealth.Storefront.Api;

// The shop API's JSON as the website reads it (the shop pages' helper extends these).

[ImmutableObject(true)]
public sealed record Product(
    Guid Id, string Sku, string Slug, string Name, string Description, string Category, IReadOnlyList<string> ImageUrls,
    long PricePence, long VatPence, string Currency, string Kind, string VatClass,
    string? AppointmentTypeCode, int? SessionsPerUnit, bool InStock);

public sealed record CartLine(string Sku, string Slug, string Name, string Kind, long UnitPricePence, int Quantity,
    long LineTotalPence, long DiscountPence, long VatPence, bool InStock);

/// <summary>A visitor's cart: belongs to one person, so it is never cached.</summary>
public sealed record Cart(string? CartId, IReadOnlyList<CartLine> Lines, IReadOnlyList<string> UnavailableSkus,
    string? CouponCode, string? CouponProblem, long SubtotalPence, long DiscountPence, long ShippingPence,
    long VatPence, long TotalPence, string Currency, DateTimeOffset ExpiresAt)
{
    public int ItemCount => Lines.Sum(l => l.Quantity);
}
