namespace CultureHealth.Shop.Domain;

internal static class PenceRounding
{
    /// <summary>
    /// numerator / denominator rounded to the nearest penny, halves away from zero ("round half up" on
    /// positive amounts, mirrored for credits so a refund reverses exactly what was charged).
    /// Int128 so that large baskets multiplied by rates cannot overflow silently.
    /// </summary>
    public static long DivideRoundingHalfUp(Int128 numerator, Int128 denominator)
    {
        if (denominator <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(denominator), denominator, "Denominator must be positive.");
        }

        var magnitude = Int128.Abs(numerator);
        var rounded = (2 * magnitude + denominator) / (2 * denominator);
        return checked((long)(numerator < 0 ? -rounded : rounded));
    }
}
