using CultureHealth.Shop.Data;
using CultureHealth.Shop.Domain;

namespace CultureHealth.Shop.Application.Payments;

/// <param name="OrderToken">The order's access token from checkout: only its holder may pay (or fail to pay) the order.</param>
/// <param name="AmountPence">Optional: what the client believes it is paying. Refused if it differs from the order.</param>
public sealed record PayOrderRequest(string? PaymentToken, string? OrderToken, long? AmountPence);

public sealed record PaymentView(
    Guid PaymentId, Guid OrderId, PaymentStatus Status, long AmountPence, string Currency, string? FailureReason, OrderStatus OrderStatus);

/// <summary>The webhook body: a Stripe-like event about one charge.</summary>
public sealed record PaymentWebhookEvent(string? Id, string? Type, PaymentWebhookData? Data)
{
    public const string ChargeSucceeded = "charge.succeeded";
    public const string ChargeFailed = "charge.failed";
}

public sealed record PaymentWebhookData(string? ChargeId, long? AmountPence, string? Currency, string? FailureReason);
