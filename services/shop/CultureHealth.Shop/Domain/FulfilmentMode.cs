namespace CultureHealth.Shop.Domain;

/// <summary>How a paid order is fulfilled, which decides whether it goes through Shipped or straight to Completed.</summary>
public enum FulfilmentMode
{
    /// <summary>At least one physical item: Paid → Shipped → Delivered.</summary>
    Shipping,

    /// <summary>Only treatment packages and gift vouchers: Paid → Completed.</summary>
    Instant,
}

public static class Fulfilment
{
    public static FulfilmentMode ModeFor(IEnumerable<ProductKind> kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        return kinds.Contains(ProductKind.Physical) ? FulfilmentMode.Shipping : FulfilmentMode.Instant;
    }
}
