using CultureHealth.Shop.Domain;
using Xunit;
using static CultureHealth.Shop.Domain.OrderStatus;

namespace CultureHealth.Shop.Tests.Domain;

public class OrderStateMachineTests
{
    private static readonly DateTimeOffset At = new(2025, 3, 14, 9, 30, 0, TimeSpan.Zero);

    /// <summary>The lifecycle as specified, written out independently of the implementation.</summary>
    private static readonly (OrderStatus From, OrderStatus To, FulfilmentMode[] Modes)[] Specified =
    [
        (PendingPayment, Paid, Both),
        (PendingPayment, PaymentFailed, Both),
        (PendingPayment, Cancelled, Both),
        (PaymentFailed, PendingPayment, Both),
        (PaymentFailed, Paid, Both),
        (PaymentFailed, Cancelled, Both),
        (Paid, Shipped, [FulfilmentMode.Shipping]),
        (Paid, Completed, [FulfilmentMode.Instant]),
        (Shipped, Delivered, Both),
        (Paid, PartiallyRefunded, Both),
        (Paid, Refunded, Both),
        (Shipped, PartiallyRefunded, Both),
        (Shipped, Refunded, Both),
        (Delivered, PartiallyRefunded, Both),
        (Delivered, Refunded, Both),
        (Completed, PartiallyRefunded, Both),
        (Completed, Refunded, Both),
        (PartiallyRefunded, PartiallyRefunded, Both),
        (PartiallyRefunded, Refunded, Both),
    ];

    private static FulfilmentMode[] Both => [FulfilmentMode.Shipping, FulfilmentMode.Instant];

    public static TheoryData<OrderStatus, OrderStatus, FulfilmentMode> AllowedTransitions()
    {
        var data = new TheoryData<OrderStatus, OrderStatus, FulfilmentMode>();
        foreach (var (from, to, modes) in Specified)
        {
            foreach (var mode in modes)
            {
                data.Add(from, to, mode);
            }
        }

        return data;
    }

    public static TheoryData<OrderStatus, OrderStatus, FulfilmentMode> DisallowedTransitions()
    {
        var data = new TheoryData<OrderStatus, OrderStatus, FulfilmentMode>();
        foreach (var mode in Enum.GetValues<FulfilmentMode>())
        {
            foreach (var from in Enum.GetValues<OrderStatus>())
            {
                foreach (var to in Enum.GetValues<OrderStatus>())
                {
                    if (!Specified.Any(s => s.From == from && s.To == to && s.Modes.Contains(mode)))
                    {
                        data.Add(from, to, mode);
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllowedTransitions))]
    public void Every_specified_transition_is_allowed_and_recorded(OrderStatus from, OrderStatus to, FulfilmentMode mode)
    {
        var machine = new OrderStateMachine(mode);

        Assert.True(machine.CanTransition(from, to));
        var transition = machine.Transition(from, to, At, "system:test", "because");

        Assert.Equal(new OrderTransition(from, to, At, "system:test", "because"), transition);
    }

    [Theory]
    [MemberData(nameof(DisallowedTransitions))]
    public void Every_other_transition_is_refused(OrderStatus from, OrderStatus to, FulfilmentMode mode)
    {
        var machine = new OrderStateMachine(mode);

        Assert.False(machine.CanTransition(from, to));
        var refused = machine.TryTransition(from, to, At, "system:test");
        Assert.False(refused.IsAllowed);
        Assert.Null(refused.Transition);
        var exception = Assert.Throws<InvalidOrderTransitionException>(() => machine.Transition(from, to, At, "system:test"));
        Assert.Equal(from, exception.From);
        Assert.Equal(to, exception.To);
        Assert.Equal(refused.Error, exception.Message);
    }

    [Theory]
    [InlineData(Shipped, Paid)]
    [InlineData(Delivered, Shipped)]
    [InlineData(Paid, PendingPayment)]
    [InlineData(Paid, Cancelled)]              // a paid order is refunded, not cancelled
    [InlineData(Paid, PaymentFailed)]
    [InlineData(PendingPayment, Shipped)]      // nothing ships before payment
    [InlineData(PendingPayment, Refunded)]     // nothing to refund
    [InlineData(PaymentFailed, Refunded)]
    [InlineData(Cancelled, Paid)]
    [InlineData(Cancelled, PendingPayment)]
    [InlineData(Refunded, PartiallyRefunded)]
    [InlineData(Refunded, Paid)]
    [InlineData(PartiallyRefunded, Shipped)]
    [InlineData(Completed, Shipped)]
    [InlineData(Delivered, Delivered)]
    public void Notable_disallowed_transitions(OrderStatus from, OrderStatus to)
    {
        Assert.False(new OrderStateMachine(FulfilmentMode.Shipping).CanTransition(from, to));
        Assert.False(new OrderStateMachine(FulfilmentMode.Instant).CanTransition(from, to));
    }

    [Fact]
    public void The_implementation_lists_exactly_the_specified_graph()
    {
        var specified = Specified.Select(s => (s.From, s.To)).OrderBy(t => t.From).ThenBy(t => t.To);

        Assert.Equal(specified, OrderStateMachine.AllTransitions.OrderBy(t => t.From).ThenBy(t => t.To));
    }

    [Fact]
    public void Messages_explain_what_is_possible_instead()
    {
        var error = new OrderStateMachine(FulfilmentMode.Shipping).TryTransition(Shipped, Paid, At, "staff:1").Error;

        Assert.Equal("An order that is Shipped cannot become Paid; it can only become Delivered, PartiallyRefunded, Refunded.", error);
    }

    [Fact]
    public void Final_statuses_say_so() =>
        Assert.Contains(
            "final",
            new OrderStateMachine(FulfilmentMode.Instant).TryTransition(Cancelled, Paid, At, "system").Error,
            StringComparison.Ordinal);

    [Fact]
    public void Orders_without_physical_items_are_completed_rather_than_shipped()
    {
        var machine = OrderStateMachine.ForOrderContaining([ProductKind.TreatmentPackage, ProductKind.GiftVoucher]);

        Assert.Equal(FulfilmentMode.Instant, machine.Mode);
        Assert.Contains("nothing to ship", machine.TryTransition(Paid, Shipped, At, "staff:1").Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Orders_with_any_physical_item_are_shipped()
    {
        var machine = OrderStateMachine.ForOrderContaining([ProductKind.TreatmentPackage, ProductKind.Physical]);

        Assert.Equal(FulfilmentMode.Shipping, machine.Mode);
        Assert.False(machine.CanTransition(Paid, Completed));
    }

    [Fact]
    public void A_failed_payment_can_be_retried_and_succeed()
    {
        var machine = new OrderStateMachine(FulfilmentMode.Shipping);
        OrderStatus[] path = [PendingPayment, PaymentFailed, PendingPayment, PaymentFailed, Paid, Shipped, Delivered];

        var history = path.Zip(path.Skip(1), (from, to) => machine.Transition(from, to, At, "system:payments")).ToList();

        Assert.Equal(6, history.Count);
        Assert.Equal(Delivered, history[^1].To);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Every_transition_names_who_made_it(string actor) =>
        Assert.ThrowsAny<ArgumentException>(() => new OrderStateMachine(FulfilmentMode.Instant).Transition(PendingPayment, Paid, At, actor));
}
