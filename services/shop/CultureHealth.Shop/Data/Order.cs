using CultureHealth.Shop.Domain;

namespace CultureHealth.Shop.Data;

/// <summary>
/// An order with its lines snapshotted at checkout: later catalogue changes never alter what was bought
/// or what it cost. The customer reaches it with a token whose hash is all we keep.
/// </summary>
public sealed class Order
{
    public Guid Id { get; set; }
    public string Number { get; set; } = "";
    public string AccessTokenHash { get; set; } = "";
    public string CustomerName { get; set; } = "";
    public string CustomerEmail { get; set; } = "";
    public string? ShippingLine1 { get; set; }
    public string? ShippingLine2 { get; set; }
    public string? ShippingCity { get; set; }
    public string? ShippingPostcode { get; set; }
    public string? ShippingCountry { get; set; }
    public OrderStatus Status { get; set; }
    public FulfilmentMode FulfilmentMode { get; set; }
    public long SubtotalPence { get; set; }
    public string? CouponCode { get; set; }
    public Guid? CouponId { get; set; }
    public long DiscountPence { get; set; }
    public long ShippingPence { get; set; }
    public long VatPence { get; set; }

    /// <summary>The value of the supplies (goods less discount plus delivery).</summary>
    public long TotalPence { get; set; }

    public Guid? GiftVoucherId { get; set; }
    public long VoucherAppliedPence { get; set; }

    /// <summary>What is left to collect by card: the only amount a payment may be for.</summary>
    public long AmountDuePence { get; set; }

    public long AmountPaidPence { get; set; }
    public long RefundedPence { get; set; }
    public string? TrackingReference { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>After this the sweeper cancels an unpaid order and puts its stock back.</summary>
    public DateTimeOffset PaymentDueBy { get; set; }

    /// <summary>
    /// The client address that placed the order, kept only while the order is unpaid (it counts towards that
    /// address's cap of open orders) and forgotten when it is paid or cancelled.
    /// </summary>
    public string? HoldClientAddress { get; set; }

    /// <summary>PostgreSQL xmin: two writers of one order cannot both win.</summary>
    public uint Version { get; set; }

    public List<OrderItem> Items { get; set; } = [];
    public List<OrderStatusChange> History { get; set; } = [];

    public OrderStateMachine Lifecycle => new(FulfilmentMode);

    /// <summary>Moves the order through the lifecycle (or throws) and records the step.</summary>
    public OrderTransition MoveTo(OrderStatus to, DateTimeOffset at, string actor, string? reason = null)
    {
        var transition = Lifecycle.Transition(Status, to, at, actor, reason);
        Apply(transition);
        return transition;
    }

    public void Apply(OrderTransition transition)
    {
        History.Add(OrderStatusChange.From(Id, transition));
        Status = transition.To;
        UpdatedAt = transition.At;
        if (!Status.IsUnpaid())
        {
            HoldClientAddress = null;
        }
    }
}

/// <summary>An order line as it was sold.</summary>
public sealed class OrderItem
{
    public Guid OrderId { get; set; }
    public int LineNumber { get; set; }
    public Guid ProductId { get; set; }
    public string Sku { get; set; } = "";
    public string Name { get; set; } = "";
    public ProductKind Kind { get; set; }
    public VatClass VatClass { get; set; }
    public long UnitPricePence { get; set; }
    public int Quantity { get; set; }
    public long LineTotalPence { get; set; }
    public long DiscountPence { get; set; }
    public long VatPence { get; set; }
    public string? AppointmentTypeCode { get; set; }
    public int? SessionsPerUnit { get; set; }
}

/// <summary>One recorded step of an order's lifecycle.</summary>
public sealed class OrderStatusChange
{
    public long Id { get; set; }
    public Guid OrderId { get; set; }

    /// <summary>Null for the order's creation.</summary>
    public OrderStatus? FromStatus { get; set; }

    public OrderStatus ToStatus { get; set; }
    public DateTimeOffset At { get; set; }
    public string Actor { get; set; } = "";
    public string? Reason { get; set; }

    public static OrderStatusChange From(Guid orderId, OrderTransition t) =>
        new() { OrderId = orderId, FromStatus = t.From, ToStatus = t.To, At = t.At, Actor = t.Actor, Reason = t.Reason };
}
