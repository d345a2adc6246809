using System.Text.RegularExpressions;
using CultureHealth.Shop.Domain;
using Xunit;

namespace CultureHealth.Shop.Tests.Domain;

public partial class GiftVoucherCodeTests
{
    private const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    [GeneratedRegex("^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}$")]
    private static partial Regex GroupedCode();

    [Fact]
    public void Generated_codes_are_four_groups_of_four_unambiguous_symbols()
    {
        for (var i = 0; i < 200; i++)
        {
            var code = GiftVoucherCode.Generate();

            Assert.Matches(GroupedCode(), code.Value);
            Assert.Equal(code.Value, code.ToString());
        }
    }

    [Fact]
    public void Generated_codes_do_not_repeat_and_use_the_whole_alphabet()
    {
        var codes = Enumerable.Range(0, 2_000).Select(_ => GiftVoucherCode.Generate().Value).ToList();

        Assert.Equal(codes.Count, codes.Distinct().Count());
        // 32,000 symbols drawn: each of the 32 is expected ~1,000 times; a missing one would mean a broken draw.
        var counts = codes.SelectMany(code => code.Replace("-", "", StringComparison.Ordinal)).GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(Alphabet.Order(), counts.Keys.Order());
        Assert.All(counts.Values, count => Assert.InRange(count, 700, 1_300));
    }

    [Theory]
    [InlineData("7kq2-mxab-r9te-hw4c")]
    [InlineData("7KQ2MXABR9TEHW4C")]
    [InlineData(" 7KQ2 MXAB R9TE HW4C ")]
    [InlineData("7kq2-mxab r9te--hw4c")]
    public void Typed_codes_are_normalised(string typed)
    {
        Assert.True(GiftVoucherCode.TryParse(typed, out var code));
        Assert.Equal("7KQ2-MXAB-R9TE-HW4C", code.Value);
        Assert.Equal(GiftVoucherCode.Parse("7KQ2-MXAB-R9TE-HW4C"), code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("7KQ2-MXAB-R9TE-HW4")]      // 15 symbols
    [InlineData("7KQ2-MXAB-R9TE-HW4CC")]    // 17 symbols
    [InlineData("7KQ2-MXAB-R9TE-HW40")]     // 0 is never issued
    [InlineData("7KQ2-MXAB-R9TE-HW4O")]     // nor O
    [InlineData("7KQ2-MXAB-R9TE-HW41")]     // nor 1
    [InlineData("7KQ2-MXAB-R9TE-HW4I")]     // nor I
    [InlineData("7KQ2_MXAB_R9TE_HW4C")]
    public void Anything_else_is_not_a_code(string typed)
    {
        Assert.False(GiftVoucherCode.TryParse(typed, out _));
        Assert.Throws<FormatException>(() => GiftVoucherCode.Parse(typed));
    }

    [Fact]
    public void Null_is_not_a_code() => Assert.False(GiftVoucherCode.TryParse(null, out _));

    [Fact]
    public void The_masked_form_shows_only_the_last_group() =>
        Assert.Equal("XXXX-XXXX-XXXX-HW4C", GiftVoucherCode.Parse("7KQ2-MXAB-R9TE-HW4C").Masked);
}
