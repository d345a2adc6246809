using CultureHealth.Shop.Application.Orders;

namespace CultureHealth.Shop.Application.Checkout;

public sealed record CustomerInput(string? Name, string? Email);

public sealed record ShippingAddressInput(string? Line1, string? Line2, string? City, string? Postcode, string? Country);

public sealed record CheckoutRequest(string? CartId, CustomerInput? Customer, ShippingAddressInput? ShippingAddress, string? GiftVoucherCode);

/// <param name="AccessToken">Reads the order at GET /api/shop/orders/{orderId}?token=; shown only here.</param>
public sealed record CheckoutResult(Guid OrderId, string OrderNumber, string AccessToken, OrderView Order);
