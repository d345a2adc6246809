namespace CultureHealth.Shop.Domain;

/// <summary>
/// Splits a discount across lines in proportion to their value, so each line's VAT is worked out on what was
/// really charged for it (HMRC expects a basket-wide discount to be apportioned across the supplies).
/// </summary>
public static class DiscountAllocator
{
    /// <summary>
    /// Largest-remainder (Hamilton) apportionment: every line gets the floor of its exact share, then the
    /// pennies left over go one each to the lines with the largest remainders, earlier lines first on a tie.
    /// The shares add up to <paramref name="discountPence"/> exactly and no share exceeds its own weight.
    /// </summary>
    public static long[] Allocate(long discountPence, IReadOnlyList<long> weightsPence)
    {
        ArgumentNullException.ThrowIfNull(weightsPence);
        ArgumentOutOfRangeException.ThrowIfNegative(discountPence);
        if (weightsPence.Any(weight => weight < 0))
        {
            throw new ArgumentOutOfRangeException(nameof(weightsPence), "Weights cannot be negative.");
        }

        var shares = new long[weightsPence.Count];
        if (discountPence == 0)
        {
            return shares;
        }

        Int128 totalWeight = 0;
        foreach (var weight in weightsPence)
        {
            totalWeight += weight;
        }

        if (discountPence > totalWeight)
        {
            throw new ArgumentOutOfRangeException(
                nameof(discountPence), discountPence, "A discount cannot exceed the amount it is taken from.");
        }

        var remainders = new Int128[weightsPence.Count];
        long allocated = 0;
        for (var i = 0; i < weightsPence.Count; i++)
        {
            var exact = (Int128)discountPence * weightsPence[i];
            shares[i] = (long)(exact / totalWeight);
            remainders[i] = exact % totalWeight;
            allocated += shares[i];
        }

        var leftOver = discountPence - allocated;
        var byLargestRemainder = Enumerable.Range(0, shares.Length)
            .OrderByDescending(i => remainders[i])
            .ThenBy(i => i)
            .Take((int)leftOver);
        foreach (var i in byLargestRemainder)
        {
            shares[i]++;
        }

        return shares;
    }
}
