namespace CultureHealth.Shop.Domain;

public enum OrderStatus
{
    PendingPayment,
    PaymentFailed,
    Paid,
    Shipped,
    Delivered,

    /// <summary>Nothing to post (treatment packages and vouchers only): fulfilled the moment it is paid.</summary>
    Completed,

    /// <summary>Never paid: abandoned or given up after failed payments. Any reserved stock is released.</summary>
    Cancelled,

    PartiallyRefunded,
    Refunded,
}

public static class OrderStatuses
{
    /// <summary>Waiting for its money: the order still holds its stock, voucher balance and coupon use.</summary>
    public static bool IsUnpaid(this OrderStatus status) => status is OrderStatus.PendingPayment or OrderStatus.PaymentFailed;
}
