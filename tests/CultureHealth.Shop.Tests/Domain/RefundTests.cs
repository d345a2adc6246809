using CultureHealth.Shop.Domain;
using Xunit;

namespace CultureHealth.Shop.Tests.Domain;

public class RefundTests
{
    private static readonly DateTimeOffset At = new(2025, 3, 20, 16, 0, 0, TimeSpan.Zero);
    private readonly OrderStateMachine _machine = new(FulfilmentMode.Shipping);

    [Fact]
    public void A_refund_of_part_of_the_payment_is_partial()
    {
        var outcome = _machine.Refund(OrderStatus.Delivered, amountPaidPence: 5_496, alreadyRefundedPence: 0, refundPence: 2_499,
            At, "staff:42", "Foam roller returned");

        Assert.False(outcome.IsFullRefund);
        Assert.Equal(2_499, outcome.RefundPence);
        Assert.Equal(2_997, outcome.RemainingRefundablePence);
        Assert.Equal(new OrderTransition(OrderStatus.Delivered, OrderStatus.PartiallyRefunded, At, "staff:42", "Foam roller returned"),
            outcome.Transition);
    }

    [Fact]
    public void Refunding_the_rest_makes_it_a_full_refund()
    {
        var outcome = _machine.Refund(OrderStatus.PartiallyRefunded, 5_496, 2_499, 2_997, At, "staff:42");

        Assert.True(outcome.IsFullRefund);
        Assert.Equal(0, outcome.RemainingRefundablePence);
        Assert.Equal(OrderStatus.Refunded, outcome.Transition.To);
    }

    [Fact]
    public void Refunding_everything_at_once_is_a_full_refund() =>
        Assert.Equal(OrderStatus.Refunded, _machine.Refund(OrderStatus.Paid, 1_394, 0, 1_394, At, "staff:42").Transition.To);

    [Theory]
    [InlineData(0)]
    [InlineData(-100)]
    public void A_refund_must_be_positive(long refund) =>
        Assert.Throws<InvalidRefundException>(() => RefundPolicy.Decide(5_000, 0, refund));

    [Theory]
    [InlineData(0, 5_001)]
    [InlineData(4_000, 1_001)]
    [InlineData(5_000, 1)]
    public void A_refund_cannot_exceed_what_is_left(long alreadyRefunded, long refund)
    {
        var exception = Assert.Throws<InvalidRefundException>(() => RefundPolicy.Decide(5_000, alreadyRefunded, refund));

        Assert.Contains($"{5_000 - alreadyRefunded}p", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inconsistent_payment_records_are_refused() =>
        Assert.Throws<InvalidRefundException>(() => RefundPolicy.Decide(1_000, 2_000, 1));

    [Theory]
    [InlineData(OrderStatus.PendingPayment)]
    [InlineData(OrderStatus.PaymentFailed)]
    [InlineData(OrderStatus.Cancelled)]
    [InlineData(OrderStatus.Refunded)]
    public void Orders_that_were_never_paid_or_are_fully_refunded_cannot_be_refunded(OrderStatus status) =>
        Assert.Throws<InvalidOrderTransitionException>(() => _machine.Refund(status, 5_000, 0, 1_000, At, "staff:42"));

    [Fact]
    public void Refund_errors_are_domain_errors()
    {
        Assert.IsAssignableFrom<ShopDomainException>(Record.Exception(() => RefundPolicy.Decide(100, 0, 101)));
        Assert.IsAssignableFrom<ShopDomainException>(
            Record.Exception(() => _machine.Refund(OrderStatus.Cancelled, 100, 0, 1, At, "staff:42")));
    }
}
