namespace CultureHealth.Contracts;

public record OrderLine(
    string Sku, string Name, int Quantity, long UnitPricePence, long LineTotalPence, long VatPence,
    string Kind, string? AppointmentTypeCode = null, int? SessionsPerUnit = null);

public record OrderPlaced(
    Guid EventId, DateTimeOffset OccurredAt,
    Guid OrderId, string OrderNumber, string CustomerEmail, long TotalPence,
    IReadOnlyList<OrderLine> Lines) : IIntegrationEvent;

/// <summary>Lines carry package details so booking can grant session credits.</summary>
public record OrderPaid(
    Guid EventId, DateTimeOffset OccurredAt,
    Guid OrderId, string OrderNumber, string CustomerEmail, string CustomerName,
    long TotalPence, long VatPence, IReadOnlyList<OrderLine> Lines) : IIntegrationEvent;

/// <summary>
/// The gift vouchers an order paid for, one per unit bought, for the buyer's email. Published only by shop
/// and read only by notifications: the codes are bearer credentials, so no other event carries them, and
/// each <see cref="IssuedGiftVoucher.Code"/> is SEALED with EventSecrets ("keyId.base64url"); shop keeps only
/// a hash of it, so the email is the buyer's one copy.
/// </summary>
public record GiftVouchersIssued(
    Guid EventId, DateTimeOffset OccurredAt,
    Guid OrderId, string OrderNumber, string CustomerEmail, string CustomerName,
    IReadOnlyList<IssuedGiftVoucher> Vouchers) : IIntegrationEvent;

public record IssuedGiftVoucher(string Code, long ValuePence);

public record OrderCancelled(
    Guid EventId, DateTimeOffset OccurredAt,
    Guid OrderId, string OrderNumber, string Reason) : IIntegrationEvent;

public record OrderShipped(
    Guid EventId, DateTimeOffset OccurredAt,
    Guid OrderId, string OrderNumber, string CustomerEmail, string? TrackingReference = null) : IIntegrationEvent;

public record OrderRefunded(
    Guid EventId, DateTimeOffset OccurredAt,
    Guid OrderId, string OrderNumber, string CustomerEmail, long AmountPence, bool FullRefund,
    IReadOnlyList<OrderLine>? Lines = null) : IIntegrationEvent;

public record StockLow(
    Guid EventId, DateTimeOffset OccurredAt,
    Guid ProductId, string Sku, string Name, int Stock, int Threshold) : IIntegrationEvent;

/// <summary>The values of <see cref="OrderLine.Kind"/>: shop's product kinds by name.</summary>
public static class OrderLineKinds
{
    public const string Physical = "Physical";
    public const string GiftVoucher = "GiftVoucher";
    public const string TreatmentPackage = "TreatmentPackage";
}
