using System.ComponentModel;

namespace CultureHealth.Storefront.Api;

// The shop API's JSON as the website reads it (camelCase; enums as camelCase strings).

/// <summary>The shop's product kinds and VAT classes as the API spells them.</summary>
public static class ShopKinds
{
    public const string Physical = "physical";
    public const string GiftVoucher = "giftVoucher";
    public const string TreatmentPackage = "treatmentPackage";

    public const string StandardRate = "standard";
    public const string ReducedRate = "reduced";
    public const string ZeroRate = "zero";
    public const string Exempt = "exempt";
}

[ImmutableObject(true)]
public sealed record Product(
    Guid Id, string Sku, string Slug, string Name, string Description, string Category, IReadOnlyList<string> ImageUrls,
    long PricePence, long VatPence, string Currency, string Kind, string VatClass,
    string? AppointmentTypeCode, int? SessionsPerUnit, bool InStock)
{
    public bool IsPhysical => Kind == ShopKinds.Physical;
}

public sealed record CartLine(string Sku, string Slug, string Name, string Kind, long UnitPricePence, int Quantity,
    long LineTotalPence, long DiscountPence, long VatPence, bool InStock)
{
    public bool IsPhysical => Kind == ShopKinds.Physical;
}

/// <summary>A visitor's cart: belongs to one person, so it is never cached.</summary>
public sealed record Cart(string? CartId, IReadOnlyList<CartLine> Lines, IReadOnlyList<string> UnavailableSkus,
    string? CouponCode, string? CouponProblem, long SubtotalPence, long DiscountPence, long ShippingPence,
    long VatPence, long TotalPence, string Currency, DateTimeOffset ExpiresAt)
{
    public int ItemCount => Lines.Sum(l => l.Quantity);
    public bool IsEmpty => Lines.Count == 0;
    /// <summary>Only posted goods need an address and delivery.</summary>
    public bool NeedsDelivery => Lines.Any(l => l.IsPhysical);
}

public sealed record OrderLine(string Sku, string Name, string Kind, long UnitPricePence, int Quantity, long LineTotalPence,
    long DiscountPence, long VatPence, string? AppointmentTypeCode, int? SessionsPerUnit);

public sealed record ShippingAddress(string Line1, string? Line2, string City, string Postcode, string Country);

public sealed record OrderHistoryEntry(string? From, string To, DateTimeOffset At, string Actor, string? Reason);

/// <summary>An order as its token holder sees it (GET /api/shop/orders/{id}?token=).</summary>
public sealed record Order(
    Guid Id, string Number, string Status, string CustomerName, string CustomerEmail, ShippingAddress? ShippingAddress,
    IReadOnlyList<OrderLine> Lines, long SubtotalPence, string? CouponCode, long DiscountPence, long ShippingPence,
    long VatPence, long TotalPence, long VoucherAppliedPence, long AmountDuePence, long AmountPaidPence, long RefundedPence,
    string Currency, string? TrackingReference, DateTimeOffset CreatedAt, DateTimeOffset PaymentDueBy,
    IReadOnlyList<OrderHistoryEntry> History)
{
    /// <summary>Waiting for a card payment (a declined card leaves it here too, until it lapses).</summary>
    public bool AwaitsPayment => Status is OrderStatuses.PendingPayment or OrderStatuses.PaymentFailed;
    public bool IsPaid => Status is OrderStatuses.Paid or OrderStatuses.Shipped or OrderStatuses.Delivered or OrderStatuses.Completed
        or OrderStatuses.PartiallyRefunded or OrderStatuses.Refunded;
    public IEnumerable<OrderLine> Packages => Lines.Where(l => l.Kind == ShopKinds.TreatmentPackage);
    public IEnumerable<OrderLine> Vouchers => Lines.Where(l => l.Kind == ShopKinds.GiftVoucher);
}

/// <summary>The shop's order statuses as the API spells them.</summary>
public static class OrderStatuses
{
    public const string PendingPayment = "pendingPayment";
    public const string PaymentFailed = "paymentFailed";
    public const string Paid = "paid";
    public const string Shipped = "shipped";
    public const string Delivered = "delivered";
    public const string Completed = "completed";
    public const string Cancelled = "cancelled";
    public const string PartiallyRefunded = "partiallyRefunded";
    public const string Refunded = "refunded";
}

/// <summary>What checkout answers: the order and the token that reads it (and pays it); shown only this once.</summary>
public sealed record PlacedOrder(Guid OrderId, string OrderNumber, string AccessToken, Order Order);

public sealed record Payment(Guid PaymentId, Guid OrderId, string Status, long AmountPence, string Currency, string? FailureReason, string OrderStatus);

/// <summary>The checkout form as the API takes it.</summary>
public sealed record CheckoutRequest(string CartId, CheckoutCustomer Customer, CheckoutAddress? ShippingAddress, string? GiftVoucherCode);

public sealed record CheckoutCustomer(string? Name, string? Email);

public sealed record CheckoutAddress(string? Line1, string? Line2, string? City, string? Postcode, string Country);

public enum ShopOutcome
{
    Ok,
    /// <summary>400/422: the input was refused; <see cref="ShopReply{T}.Problem"/> names the fields.</summary>
    Invalid,
    /// <summary>409: out of stock, cart already checked out, order not payable.</summary>
    Conflict,
    NotFound,
    /// <summary>429: too many requests (or unpaid orders) from this visitor for now.</summary>
    TooMany,
    /// <summary>402: the card was declined.</summary>
    Declined,
    Unavailable,
}

/// <summary>The shop's answer to a change: the new state, or why not (with the API's problem details).</summary>
public sealed record ShopReply<T>(ShopOutcome Outcome, T? Value = default, ApiProblem? Problem = null)
{
    public bool IsOk => Outcome == ShopOutcome.Ok && Value is not null;

    /// <summary>The cart token no longer takes changes: it became an order (checkout), so a new cart must carry on.</summary>
    public bool CartCheckedOut => Outcome == ShopOutcome.Conflict && Problem?.ErrorFor("cartId") is not null;

    public ShopReply<TOut> As<TOut>(TOut? value = default) => new(Outcome, value, Problem);
}

public sealed record MyOrderLine(string Name, int Quantity, long LineTotalPence);

/// <summary>One order in a patient's list (GET /api/shop/me/orders).</summary>
public sealed record MyOrderSummary(
    Guid Id, string Number, string Status, DateTimeOffset CreatedAt, long TotalPence, long AmountPaidPence, long RefundedPence,
    string Currency, string? TrackingReference, IReadOnlyList<MyOrderLine> Lines);

/// <summary>"My account": the orders placed with a patient's proven address, newest first.</summary>
public sealed record MyOrders(string Email, IReadOnlyList<MyOrderSummary> Orders);
