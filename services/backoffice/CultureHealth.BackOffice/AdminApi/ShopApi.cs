namespace CultureHealth.BackOffice.AdminApi;

// Shop's staff API as admin forwards it (/api/admin/shop/... → shop's /manage/shop/...). Only the fields the pages use.

public sealed record OrderSummary(
    Guid Id, string Number, string Status, string CustomerName, string CustomerEmail, long TotalPence, long AmountPaidPence,
    long RefundedPence, DateTimeOffset CreatedAt);

public sealed record OrderLine(string Sku, string Name, long UnitPricePence, int Quantity, long LineTotalPence);

public sealed record ShippingAddress(string Line1, string? Line2, string City, string Postcode, string Country);

public sealed record OrderHistory(string? From, string To, DateTimeOffset At, string Actor, string? Reason);

public sealed record OrderDetail(
    Guid Id, string Number, string Status, string CustomerName, string CustomerEmail, ShippingAddress? ShippingAddress,
    IReadOnlyList<OrderLine> Lines, long ShippingPence, long TotalPence, long AmountPaidPence, long RefundedPence,
    string? TrackingReference, DateTimeOffset CreatedAt, IReadOnlyList<OrderHistory> History)
{
    public long Refundable => AmountPaidPence - RefundedPence;
}

public sealed record OrderRefund(long AmountPence, string Reason, string Actor, DateTimeOffset CreatedAt);

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
