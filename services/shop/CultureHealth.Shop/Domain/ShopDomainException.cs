namespace CultureHealth.Shop.Domain;

/// <summary>A shop rule was broken by a request; the API maps these to 409/422 problems, never to 500s.</summary>
public class ShopDomainException(string message) : Exception(message);

public sealed class InvalidOrderTransitionException(OrderStatus from, OrderStatus to, string message)
    : ShopDomainException(message)
{
    public OrderStatus From { get; } = from;

    public OrderStatus To { get; } = to;
}

public sealed class InvalidRefundException(string message) : ShopDomainException(message);
