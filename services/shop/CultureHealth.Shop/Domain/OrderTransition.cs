namespace CultureHealth.Shop.Domain;

/// <summary>One step in an order's history, kept as an audit trail.</summary>
/// <param name="Actor">Who caused it: e.g. "customer", "system:payment-webhook", "staff:{id}".</param>
/// <param name="Reason">Why, when it is not obvious from the statuses (e.g. a cancellation or refund reason).</param>
public sealed record OrderTransition(
    OrderStatus From,
    OrderStatus To,
    DateTimeOffset At,
    string Actor,
    string? Reason);
