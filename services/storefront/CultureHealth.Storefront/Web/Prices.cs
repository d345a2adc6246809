using System.Globalization;

namespace CultureHealth.Storefront.Web;

/// <summary>Prices arrive as integer pence; shown the British way (£45.00).</summary>
public static class Prices
{
    private static readonly CultureInfo UnitedKingdom = CultureInfo.GetCultureInfo("en-GB");

    public static string Format(long pence) => (pence / 100m).ToString("C", UnitedKingdom);
}
