using CultureHealth.Shop.Domain;

namespace CultureHealth.Shop.Application.Orders;

public sealed record OrderSummaryView(
    Guid Id, string Number, OrderStatus Status, string CustomerName, string CustomerEmail, long TotalPence, long AmountPaidPence,
    long RefundedPence, DateTimeOffset CreatedAt);

public sealed record PaymentSummaryView(Guid Id, string Provider, string? ProviderChargeId, long AmountPence, string Status, string? FailureReason, DateTimeOffset CreatedAt);

public sealed record RefundView(
    Guid Id, long AmountPence, string Reason, string Actor, long SpentVoucherPence, string? OverrideReason, DateTimeOffset CreatedAt);

public sealed record StaffOrderView(OrderView Order, IReadOnlyList<PaymentSummaryView> Payments, IReadOnlyList<RefundView> Refunds);
