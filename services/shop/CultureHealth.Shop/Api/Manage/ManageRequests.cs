using CultureHealth.Shop.Application.Orders;
using CultureHealth.Shop.Domain;

namespace CultureHealth.Shop.Api.Manage;

public sealed record StaffProductView(ProductView Product, int? Stock, int LowStockThreshold, bool Active);

public sealed record StockAdjustmentRequest(int? Delta, string? Reason);

public sealed record StockAdjustmentView(Guid ProductId, string Sku, int Delta, int StockAfter, string Reason, string Actor, DateTimeOffset At);

public sealed record CouponView(
    Guid Id, string Code, CouponKind Kind, int PercentageBasisPoints, long AmountPence, long MinimumSpendPence,
    DateTimeOffset? ExpiresAt, int? UsageLimit, int? PerCustomerLimit, int TimesRedeemed, bool Active);

public sealed record ShipOrderRequest(string? TrackingReference);

/// <param name="OverrideSpentVouchers">
/// Refund gift voucher value the order bought that has already been spent (otherwise refused with 409); needs
/// <paramref name="OverrideReason"/>. Admin's audit log keeps the request.
/// </param>
public sealed record RefundOrderRequest(long? AmountPence, string? Reason, bool? OverrideSpentVouchers = null, string? OverrideReason = null);

public sealed record OrderSummaryView(
    Guid Id, string Number, OrderStatus Status, string CustomerName, string CustomerEmail, long TotalPence, long AmountPaidPence,
    long RefundedPence, DateTimeOffset CreatedAt);

public sealed record PaymentSummaryView(Guid Id, string Provider, string? ProviderChargeId, long AmountPence, string Status, string? FailureReason, DateTimeOffset CreatedAt);

public sealed record RefundView(
    Guid Id, long AmountPence, string Reason, string Actor, long SpentVoucherPence, string? OverrideReason, DateTimeOffset CreatedAt);

public sealed record StaffOrderView(OrderView Order, IReadOnlyList<PaymentSummaryView> Payments, IReadOnlyList<RefundView> Refunds);
