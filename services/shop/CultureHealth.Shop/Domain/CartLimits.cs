namespace CultureHealth.Shop.Domain;

/// <summary>Bounds on what a basket may contain; violations are reported as field errors, not exceptions.</summary>
public sealed record CartLimits
{
    public CartLimits(int maxQuantityPerLine = 20, int maxLines = 50, long maxUnitPricePence = 1_000_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxQuantityPerLine, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLines, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(maxUnitPricePence);
        MaxQuantityPerLine = maxQuantityPerLine;
        MaxLines = maxLines;
        MaxUnitPricePence = maxUnitPricePence;
    }

    public static CartLimits Default { get; } = new();

    public int MinQuantityPerLine => 1;

    public int MaxQuantityPerLine { get; }

    public int MaxLines { get; }

    /// <summary>A sanity ceiling (default £10,000) that also keeps all arithmetic far from overflow.</summary>
    public long MaxUnitPricePence { get; }
}
