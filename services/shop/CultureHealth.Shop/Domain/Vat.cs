namespace CultureHealth.Shop.Domain;

/// <summary>
/// VAT contained in VAT-inclusive (gross) prices.
/// <para>
/// Rounding: VAT is worked out once per order line, on the line's charged total (unit price × quantity less
/// that line's share of any discount), rounded half-up to the nearest penny; the order's VAT is the sum of
/// its lines' VAT plus the VAT in delivery. HMRC (VAT Notice 700, section 17) accepts rounding per line or
/// per invoice if applied consistently. We round per line because every line is reported on its own (the
/// receipt, the OrderPaid/OrderRefunded events and booking's package credits all carry a line VAT figure),
/// a basket can mix rates so per-rate totals are needed anyway, and refunding a line then reverses exactly
/// the VAT that line was charged without re-rounding the rest of the invoice.
/// </para>
/// </summary>
public static class Vat
{
    private const int BasisPointsPerWhole = 10_000;

    /// <summary>The rate in basis points (2000 = 20 %).</summary>
    public static int RateBasisPoints(VatClass vatClass) => vatClass switch
    {
        VatClass.Standard => 2_000,
        VatClass.Reduced => 500,
        VatClass.Zero => 0,
        VatClass.Exempt => 0,
        _ => throw new ArgumentOutOfRangeException(nameof(vatClass), vatClass, "Unknown VAT class."),
    };

    /// <summary>
    /// The VAT inside a gross amount: gross × rate / (1 + rate), e.g. gross / 6 at 20 %, rounded half-up
    /// to the penny. Negative amounts (credits) give the mirror image of the positive amount.
    /// </summary>
    public static long PortionOf(long grossPence, VatClass vatClass)
    {
        var rate = RateBasisPoints(vatClass);
        if (rate == 0)
        {
            return 0;
        }

        return PenceRounding.DivideRoundingHalfUp((Int128)grossPence * rate, BasisPointsPerWhole + rate);
    }
}
