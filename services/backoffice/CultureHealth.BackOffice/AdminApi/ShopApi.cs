namespace CultureHealth.BackOffice.AdminApi;

// Shop's staff API as admin forwards it (/api/admin/shop/... → shop's /manage/shop/...). Only the fields the pages use.

public sealed record OrderSummary(
    Guid Id, string Number, string Status, string CustomerName, string CustomerEmail, long TotalPence, long AmountPaidPence,
    long RefundedPence, DateTimeOffset CreatedAt);

public sealed record OrderLine(string Sku, string Name, long UnitPricePence, int Quantity, long LineTotalPence, string? Kind = null);

public sealed record ShippingAddress(string Line1, string? Line2, string City, string Postcode, string Country);

public sealed record OrderHistory(string? From, string To, DateTimeOffset At, string Actor, string? Reason);

public sealed record OrderDetail(
    Guid Id, string Number, string Status, string CustomerName, string CustomerEmail, ShippingAddress? ShippingAddress,
    IReadOnlyList<OrderLine> Lines, long ShippingPence, long TotalPence, long AmountPaidPence, long RefundedPence,
    string? TrackingReference, DateTimeOffset CreatedAt, IReadOnlyList<OrderHistory> History)
{
    public long Refundable => AmountPaidPence - RefundedPence;
}

public sealed record OrderRefund(long AmountPence, string Reason, string Actor, DateTimeOffset CreatedAt, long SpentVoucherPence = 0, string? OverrideReason = null);

public sealed record StaffOrder(OrderDetail Order, IReadOnlyList<OrderRefund> Refunds);

public static class OrderStatuses
{
    /// <summary>The lists a shop manager works from, by shop's wire names; "paid" first (orders to post).</summary>
    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        ["paid"] = "To post", ["shipped"] = "Shipped", ["delivered"] = "Delivered", ["completed"] = "Completed",
        ["pendingPayment"] = "Awaiting payment", ["paymentFailed"] = "Payment failed", ["partiallyRefunded"] = "Partly refunded", ["refunded"] = "Refunded", ["cancelled"] = "Cancelled",
    };

    public static string Of(string status) => Names.TryGetValue(status, out var name) ? name : status;
}

/// <summary>A product as shop's staff API shows it: the public view plus stock, the low-stock threshold and whether it is on sale.</summary>
public sealed record StaffProduct(ProductInfo Product, int? Stock, int LowStockThreshold, bool Active);

public sealed record ProductInfo(
    Guid Id, string Sku, string Slug, string Name, string Description, string Category, IReadOnlyList<string> ImageUrls,
    long PricePence, string Kind, string VatClass, string? AppointmentTypeCode, int? SessionsPerUnit);

public sealed record StockAdjustment(Guid ProductId, string Sku, int Delta, int StockAfter, string Reason, string Actor, DateTimeOffset At);

public sealed record Coupon(
    Guid Id, string Code, string Kind, int PercentageBasisPoints, long AmountPence, long MinimumSpendPence, DateTimeOffset? ExpiresAt,
    int? UsageLimit, int? PerCustomerLimit, int TimesRedeemed, bool Active);

/// <summary>A gift voucher as staff see it: only the last four symbols of its code ("XXXX-XXXX-XXXX-HW4C").</summary>
public sealed record GiftVoucherSummary(
    Guid Id, string MaskedCode, long InitialBalancePence, long BalancePence, long VoidedPence, string Status,
    Guid IssuedForOrderId, string OrderNumber, DateTimeOffset CreatedAt);

/// <summary>Shop's wire names for what a shop manager chooses from, and what they are called on the page.</summary>
public static class ShopChoices
{
    public static readonly IReadOnlyDictionary<string, string> Kinds = new Dictionary<string, string>
    {
        ["physical"] = "Physical (posted, has stock)", ["giftVoucher"] = "Gift voucher", ["treatmentPackage"] = "Treatment package",
    };

    public static readonly IReadOnlyDictionary<string, string> VatClasses = new Dictionary<string, string>
    {
        ["standard"] = "Standard (20%)", ["reduced"] = "Reduced (5%)", ["zero"] = "Zero-rated", ["exempt"] = "Exempt (gift vouchers)",
    };

    public static readonly IReadOnlyDictionary<string, string> CouponKinds = new Dictionary<string, string>
    {
        ["percentage"] = "A percentage off", ["fixedAmount"] = "An amount off",
    };

    public static readonly IReadOnlyDictionary<string, string> VoucherStatuses = new Dictionary<string, string>
    {
        ["active"] = "Usable", ["spent"] = "Spent", ["voided"] = "Voided (purchase refunded)",
    };

    public static string Of(IReadOnlyDictionary<string, string> names, string value) => names.TryGetValue(value, out var name) ? name : value;
}
