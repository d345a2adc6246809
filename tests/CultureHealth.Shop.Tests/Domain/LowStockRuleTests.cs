using CultureHealth.Shop.Domain;
using Xunit;

namespace CultureHealth.Shop.Tests.Domain;

public class LowStockRuleTests
{
    [Theory]
    [InlineData(3, -1, 3, true)] // 4 -> 3: reaches the threshold
    [InlineData(1, -5, 3, true)] // 6 -> 1: jumps past it
    [InlineData(0, -4, 0, true)] // 4 -> 0 with a threshold of 0: sold out counts
    [InlineData(4, -1, 3, false)] // 5 -> 4: still above
    [InlineData(2, -1, 3, false)] // 3 -> 2: already low, said once before
    [InlineData(3, 1, 3, false)] // 2 -> 3: a release or delivery never reports low
    [InlineData(5, 2, 3, false)] // 3 -> 5: climbing back above
    public void Low_stock_is_reported_only_as_the_threshold_is_crossed_going_down(int stockAfter, int delta, int threshold, bool crossed) =>
        Assert.Equal(crossed, LowStockRule.Crossed(stockAfter, delta, threshold));
}
