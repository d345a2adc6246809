using CultureHealth.Shop.Domain;
using Xunit;

namespace CultureHealth.Shop.Tests.Domain;

public class ShippingPolicyTests
{
    [Theory]
    [InlineData(0, 395)]
    [InlineData(4_999, 395)]
    [InlineData(5_000, 0)]
    [InlineData(12_000, 0)]
    public void Default_is_a_flat_395p_free_from_50_pounds(long physicalGoodsPence, long expectedShipping) =>
        Assert.Equal(expectedShipping, ShippingPolicy.Default.ChargeFor(physicalGoodsPence, hasPhysicalItems: true));

    [Fact]
    public void Nothing_physical_means_no_shipping() =>
        Assert.Equal(0, ShippingPolicy.Default.ChargeFor(0, hasPhysicalItems: false));

    [Fact]
    public void Rates_are_configurable()
    {
        var policy = new ShippingPolicy(flatRatePence: 499, freeFromPence: 7_500);

        Assert.Equal(499, policy.ChargeFor(7_499, hasPhysicalItems: true));
        Assert.Equal(0, policy.ChargeFor(7_500, hasPhysicalItems: true));
    }

    [Fact]
    public void Negative_rates_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ShippingPolicy(flatRatePence: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ShippingPolicy(freeFromPence: -1));
    }
}
