namespace CultureHealth.Shop.Domain;

/// <summary>When a product's stock is reported as low: once, as it falls to its threshold, not on every sale below it.</summary>
public static class LowStockRule
{
    /// <param name="stockAfter">The stock once the change is made.</param>
    /// <param name="delta">The change: negative for a sale or removal, positive for a delivery or release.</param>
    /// <param name="threshold">The product's low-stock threshold.</param>
    public static bool Crossed(int stockAfter, int delta, int threshold) => stockAfter <= threshold && stockAfter - delta > threshold;
}
