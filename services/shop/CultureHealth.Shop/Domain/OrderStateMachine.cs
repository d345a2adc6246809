namespace CultureHealth.Shop.Domain;

/// <summary>
/// The order lifecycle. An instance knows the order's <see cref="FulfilmentMode"/> because that decides
/// whether a paid order may be shipped or is completed at once.
/// <code>
/// PendingPayment ─► Paid ─► Shipped ─► Delivered        (physical goods)
///        │           └────► Completed                   (packages / vouchers only)
///        ├─► PaymentFailed ─► PendingPayment | Paid | Cancelled
///        └─► Cancelled
/// Paid | Shipped | Delivered | Completed | PartiallyRefunded ─► PartiallyRefunded | Refunded
/// </code>
/// </summary>
public sealed class OrderStateMachine(FulfilmentMode mode)
{
    private static readonly OrderStatus[] RefundStates = [OrderStatus.PartiallyRefunded, OrderStatus.Refunded];

    private static readonly IReadOnlyDictionary<OrderStatus, OrderStatus[]> Graph = new Dictionary<OrderStatus, OrderStatus[]>
    {
        [OrderStatus.PendingPayment] = [OrderStatus.Paid, OrderStatus.PaymentFailed, OrderStatus.Cancelled],
        // A retry either reopens the payment or, when the provider reports success directly, pays the order.
        [OrderStatus.PaymentFailed] = [OrderStatus.PendingPayment, OrderStatus.Paid, OrderStatus.Cancelled],
        [OrderStatus.Paid] = [OrderStatus.Shipped, OrderStatus.Completed, .. RefundStates],
        [OrderStatus.Shipped] = [OrderStatus.Delivered, .. RefundStates],
        [OrderStatus.Delivered] = RefundStates,
        [OrderStatus.Completed] = RefundStates,
        // Further partial refunds stay partial until the whole amount paid has gone back.
        [OrderStatus.PartiallyRefunded] = RefundStates,
        [OrderStatus.Cancelled] = [],
        [OrderStatus.Refunded] = [],
    };

    public FulfilmentMode Mode { get; } = mode;

    public static OrderStateMachine ForOrderContaining(IEnumerable<ProductKind> kinds) => new(Fulfilment.ModeFor(kinds));

    /// <summary>Every move the lifecycle has, whatever the order contains.</summary>
    public static IEnumerable<(OrderStatus From, OrderStatus To)> AllTransitions =>
        Graph.SelectMany(entry => entry.Value.Select(to => (entry.Key, to)));

    public bool CanTransition(OrderStatus from, OrderStatus to) => WhyNot(from, to) is null;

    public TransitionResult TryTransition(OrderStatus from, OrderStatus to, DateTimeOffset at, string actor, string? reason = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        return WhyNot(from, to) is { } error
            ? TransitionResult.Refused(error)
            : TransitionResult.Allowed(new OrderTransition(from, to, at, actor, reason));
    }

    /// <exception cref="InvalidOrderTransitionException">The lifecycle does not allow the move.</exception>
    public OrderTransition Transition(OrderStatus from, OrderStatus to, DateTimeOffset at, string actor, string? reason = null)
    {
        var result = TryTransition(from, to, at, actor, reason);
        return result.Transition ?? throw new InvalidOrderTransitionException(from, to, result.Error!);
    }

    /// <summary>
    /// Validates a refund against what was paid and moves the order to PartiallyRefunded or Refunded.
    /// </summary>
    /// <exception cref="InvalidOrderTransitionException">The order is not in a refundable status.</exception>
    /// <exception cref="InvalidRefundException">The amount is not positive or exceeds what is left to refund.</exception>
    public RefundOutcome Refund(
        OrderStatus from, long amountPaidPence, long alreadyRefundedPence, long refundPence,
        DateTimeOffset at, string actor, string? reason = null)
    {
        // The status is checked first: "this order cannot be refunded" matters more than a wrong amount.
        if (!Graph.TryGetValue(from, out var targets) || !targets.Contains(OrderStatus.Refunded))
        {
            throw new InvalidOrderTransitionException(
                from, OrderStatus.Refunded, $"An order that is {from} cannot be refunded.");
        }

        var decision = RefundPolicy.Decide(amountPaidPence, alreadyRefundedPence, refundPence);
        var transition = Transition(from, decision.ResultingStatus, at, actor, reason);
        return new RefundOutcome(transition, refundPence, decision.IsFullRefund, decision.RemainingRefundablePence);
    }

    private string? WhyNot(OrderStatus from, OrderStatus to)
    {
        if (!Graph.TryGetValue(from, out var targets) || !Enum.IsDefined(to))
        {
            return $"Unknown order status in {from} → {to}.";
        }

        if (!targets.Contains(to))
        {
            return targets.Length == 0
                ? $"An order that is {from} is final and cannot become {to}."
                : $"An order that is {from} cannot become {to}; it can only become {string.Join(", ", targets)}.";
        }

        if (to == OrderStatus.Shipped && Mode == FulfilmentMode.Instant)
        {
            return "This order has no physical items, so there is nothing to ship; it is completed when paid.";
        }

        if (to == OrderStatus.Completed && Mode == FulfilmentMode.Shipping)
        {
            return "This order has physical items, so it is completed by shipping and delivery, not at once.";
        }

        return null;
    }
}
