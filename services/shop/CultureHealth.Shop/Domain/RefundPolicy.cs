namespace CultureHealth.Shop.Domain;

public sealed record RefundDecision(bool IsFullRefund, long RemainingRefundablePence)
{
    public OrderStatus ResultingStatus => IsFullRefund ? OrderStatus.Refunded : OrderStatus.PartiallyRefunded;
}

public sealed record RefundOutcome(OrderTransition Transition, long RefundPence, bool IsFullRefund, long RemainingRefundablePence);

public static class RefundPolicy
{
    /// <summary>
    /// A refund must be positive and no more than what is still refundable (paid less already refunded);
    /// it is full when it brings the refunded total up to the amount paid.
    /// </summary>
    /// <exception cref="InvalidRefundException">The refund breaks those rules.</exception>
    public static RefundDecision Decide(long amountPaidPence, long alreadyRefundedPence, long refundPence)
    {
        if (amountPaidPence < 0 || alreadyRefundedPence < 0 || alreadyRefundedPence > amountPaidPence)
        {
            throw new InvalidRefundException(
                $"Inconsistent payment record: paid {amountPaidPence}p, already refunded {alreadyRefundedPence}p.");
        }

        var refundable = amountPaidPence - alreadyRefundedPence;
        if (refundPence <= 0)
        {
            throw new InvalidRefundException("A refund must be for more than 0p.");
        }

        if (refundPence > refundable)
        {
            throw new InvalidRefundException(
                $"A refund of {refundPence}p is more than the {refundable}p that is left to refund on this order.");
        }

        var remaining = refundable - refundPence;
        return new RefundDecision(IsFullRefund: remaining == 0, RemainingRefundablePence: remaining);
    }
}
