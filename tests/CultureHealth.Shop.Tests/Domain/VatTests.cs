using CultureHealth.Shop.Domain;
using Xunit;

namespace CultureHealth.Shop.Tests.Domain;

public class VatTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 0)]          // 0.1667p
    [InlineData(2, 0)]          // 0.333p
    [InlineData(3, 1)]          // 0.5p exactly: half rounds up
    [InlineData(5, 1)]          // 0.833p
    [InlineData(6, 1)]
    [InlineData(395, 66)]       // delivery: 65.83p
    [InlineData(999, 167)]      // 166.5p: half rounds up
    [InlineData(1_200, 200)]
    [InlineData(2_499, 417)]    // 416.5p
    [InlineData(5_997, 1_000)]  // 1999p × 3 = 999.5p
    [InlineData(1_000_000_000, 166_666_667)]
    public void Standard_rate_is_one_sixth_of_the_gross_rounded_half_up(long gross, long expectedVat) =>
        Assert.Equal(expectedVat, Vat.PortionOf(gross, VatClass.Standard));

    [Theory]
    [InlineData(1, 0)]
    [InlineData(10, 0)]         // 0.476p
    [InlineData(11, 1)]         // 0.524p
    [InlineData(21, 1)]
    [InlineData(105, 5)]
    [InlineData(999, 48)]       // 47.571p
    [InlineData(5_997, 286)]    // 285.571p
    public void Reduced_rate_is_one_twenty_first_of_the_gross(long gross, long expectedVat) =>
        Assert.Equal(expectedVat, Vat.PortionOf(gross, VatClass.Reduced));

    [Theory]
    [InlineData(VatClass.Zero)]
    [InlineData(VatClass.Exempt)]
    public void Zero_rated_and_exempt_amounts_contain_no_vat(VatClass vatClass)
    {
        Assert.Equal(0, Vat.PortionOf(1, vatClass));
        Assert.Equal(0, Vat.PortionOf(30_000, vatClass));
    }

    [Theory]
    [InlineData(VatClass.Standard, 2_000)]
    [InlineData(VatClass.Reduced, 500)]
    [InlineData(VatClass.Zero, 0)]
    [InlineData(VatClass.Exempt, 0)]
    public void Rates_are_expressed_in_basis_points(VatClass vatClass, int basisPoints) =>
        Assert.Equal(basisPoints, Vat.RateBasisPoints(vatClass));

    [Theory]
    [InlineData(3)]
    [InlineData(999)]
    [InlineData(5_997)]
    public void A_credit_mirrors_the_charge_so_refunds_reverse_exactly(long gross) =>
        Assert.Equal(-Vat.PortionOf(gross, VatClass.Standard), Vat.PortionOf(-gross, VatClass.Standard));

    [Fact]
    public void Unknown_vat_class_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Vat.PortionOf(100, (VatClass)99));

    [Fact]
    public void Order_vat_is_the_sum_of_rounded_line_vat_not_vat_on_the_total()
    {
        // Three 3p lines: 0.5p each rounds to 1p per line (3p), whereas VAT on the 9p total would be 2p.
        var lines = new[] { TestCarts.Line("A", 3), TestCarts.Line("B", 3), TestCarts.Line("C", 3, quantity: 1) };

        var pricing = new PriceCalculator(new ShippingPolicy(flatRatePence: 0), CartLimits.Default).Price(lines).Pricing!;

        Assert.All(pricing.Lines, line => Assert.Equal(1, line.VatPence));
        Assert.Equal(3, pricing.VatPence);
        Assert.Equal(pricing.Lines.Sum(line => line.VatPence) + pricing.ShippingVatPence, pricing.VatPence);
    }

    [Fact]
    public void Line_vat_is_taken_on_unit_price_times_quantity()
    {
        var pricing = new PriceCalculator().Price([TestCarts.Line("BAND", 1_999, quantity: 3)]).Pricing!;

        // Per unit it would be 333p × 3 = 999p; on the line total 5997p it is 999.5p → 1000p.
        Assert.Equal(1_000, Assert.Single(pricing.Lines).VatPence);
    }
}
