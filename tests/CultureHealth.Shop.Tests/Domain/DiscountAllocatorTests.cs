using CultureHealth.Shop.Domain;
using Xunit;

namespace CultureHealth.Shop.Tests.Domain;

public class DiscountAllocatorTests
{
    [Fact]
    public void Left_over_pennies_go_to_the_largest_remainders_then_earlier_lines() =>
        Assert.Equal([34, 33, 33], DiscountAllocator.Allocate(100, [1_000, 1_000, 1_000]));

    [Fact]
    public void Shares_follow_the_weights()
    {
        // Exact shares 374.86 and 4500.14: floors add to 4874, the spare penny goes to the .86.
        Assert.Equal([375, 4_500, 0], DiscountAllocator.Allocate(4_875, [2_499, 30_000, 0]));
    }

    [Fact]
    public void Nothing_to_allocate_gives_zero_shares() =>
        Assert.Equal([0, 0], DiscountAllocator.Allocate(0, [0, 0]));

    [Fact]
    public void A_full_discount_takes_each_line_to_zero() =>
        Assert.Equal([1, 5, 999], DiscountAllocator.Allocate(1_005, [1, 5, 999]));

    [Fact]
    public void A_discount_larger_than_the_weights_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => DiscountAllocator.Allocate(11, [5, 5]));

    [Fact]
    public void Negative_weights_are_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => DiscountAllocator.Allocate(1, [5, -1]));

    [Fact]
    public void Shares_always_add_up_exactly_and_never_exceed_their_line()
    {
        var random = new Random(20_250_314);
        for (var round = 0; round < 500; round++)
        {
            var weights = Enumerable.Range(0, random.Next(1, 12)).Select(_ => (long)random.Next(0, 50_000)).ToArray();
            var discount = random.NextInt64(0, weights.Sum() + 1);

            var shares = DiscountAllocator.Allocate(discount, weights);

            Assert.Equal(discount, shares.Sum());
            Assert.All(shares.Zip(weights), pair => Assert.InRange(pair.First, 0, pair.Second));
        }
    }
}
