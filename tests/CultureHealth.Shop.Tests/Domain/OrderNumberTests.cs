using System.Text.RegularExpressions;
using CultureHealth.Shop.Domain;
using Xunit;

namespace CultureHealth.Shop.Tests.Domain;

public partial class OrderNumberTests
{
    [GeneratedRegex("^CH-20250314-[2-9A-HJ-NP-Z]{6}$")]
    private static partial Regex OrderNumberOn14March();

    [Fact]
    public void Carries_the_date_and_a_random_suffix()
    {
        var number = OrderNumber.Generate(new DateTimeOffset(2025, 3, 14, 15, 9, 26, TimeSpan.Zero));

        Assert.Matches(OrderNumberOn14March(), number.Value);
        Assert.Equal(number.Value, number.ToString());
    }

    [Fact]
    public void The_date_is_the_one_in_the_offset_given()
    {
        // 00:30 BST on 1 July is still 30 June in UTC: the caller's offset decides the date.
        var londonJustAfterMidnight = new DateTimeOffset(2025, 7, 1, 0, 30, 0, TimeSpan.FromHours(1));

        Assert.StartsWith("CH-20250701-", OrderNumber.Generate(londonJustAfterMidnight).Value, StringComparison.Ordinal);
        Assert.StartsWith("CH-20250630-", OrderNumber.Generate(londonJustAfterMidnight.ToUniversalTime()).Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Suffixes_differ()
    {
        var now = new DateTimeOffset(2025, 3, 14, 15, 9, 26, TimeSpan.Zero);

        var numbers = Enumerable.Range(0, 500).Select(_ => OrderNumber.Generate(now).Value).ToList();

        Assert.Equal(numbers.Count, numbers.Distinct().Count());
    }

    [Theory]
    [InlineData("CH-20250314-7KQ2MX")]
    [InlineData(" ch-20250314-7kq2mx ")]
    public void Parses_what_customers_type(string typed)
    {
        Assert.True(OrderNumber.TryParse(typed, out var number));
        Assert.Equal("CH-20250314-7KQ2MX", number.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("CH-20250314-7KQ2M")]
    [InlineData("CH-20250314-7KQ2MXX")]
    [InlineData("XX-20250314-7KQ2MX")]
    [InlineData("CH-20251332-7KQ2MX")]   // no 32nd of the 13th month
    [InlineData("CH-20250314_7KQ2MX")]
    [InlineData("CH-20250314-7KQ0MX")]
    public void Refuses_anything_else(string? typed) => Assert.False(OrderNumber.TryParse(typed, out _));
}
