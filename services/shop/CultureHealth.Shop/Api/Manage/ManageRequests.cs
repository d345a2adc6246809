namespace CultureHealth.Shop.Api.Manage;

public sealed record StockAdjustmentRequest(int? Delta, string? Reason);

public sealed record ShipOrderRequest(string? TrackingReference);

/// <param name="OverrideSpentVouchers">
/// Refund gift voucher value the order bought that has already been spent (otherwise refused with 409); needs
/// <paramref name="OverrideReason"/>. Admin's audit log keeps the request.
/// </param>
public sealed record RefundOrderRequest(long? AmountPence, string? Reason, bool? OverrideSpentVouchers = null, string? OverrideReason = null);
