using CultureHealth.Shop.Domain;

namespace CultureHealth.Shop.Application.Carts;

public sealed record CartLineView(
    string Sku, string Slug, string Name, ProductKind Kind, long UnitPricePence, int Quantity,
    long LineTotalPence, long DiscountPence, long VatPence, bool InStock);

/// <param name="CartId">The cart's token: only in the response that created the cart.</param>
/// <param name="UnavailableSkus">Lines whose product was withdrawn since they were added; not priced.</param>
/// <param name="CouponProblem">Why the applied code gives no discount right now (e.g. the basket fell below its minimum spend).</param>
public sealed record CartView(
    string? CartId,
    IReadOnlyList<CartLineView> Lines,
    IReadOnlyList<string> UnavailableSkus,
    string? CouponCode,
    string? CouponProblem,
    long SubtotalPence,
    long DiscountPence,
    long ShippingPence,
    long VatPence,
    long TotalPence,
    string Currency,
    DateTimeOffset ExpiresAt);
