namespace CultureHealth.Shop.Application.Carts;

public sealed record AddCartItemRequest(string? Sku, int? Quantity);

public sealed record SetCartItemQuantityRequest(int? Quantity);

public sealed record ApplyCouponRequest(string? Code);
