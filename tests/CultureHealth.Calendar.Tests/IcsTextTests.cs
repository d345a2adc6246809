using System.Text;

namespace CultureHealth.Calendar.Tests;

public sealed class IcsTextTests
{
    [Theory]
    [InlineData(@"back\slash", @"back\\slash")]
    [InlineData("semi;colon", @"semi\;colon")]
    [InlineData("com,ma", @"com\,ma")]
    [InlineData("line\nbreak", @"line\nbreak")]
    [InlineData("windows\r\nbreak", @"windows\nbreak")]
    [InlineData("old mac\rbreak", @"old mac\nbreak")]
    [InlineData("bell\u0007 and tab\t", "bell and tab\t")]
    [InlineData("colon: and \"quotes\" stay", "colon: and \"quotes\" stay")]
    [InlineData(@"all\;,of
them", @"all\\\;\,of\nthem")]
    public void Text_values_are_escaped(string raw, string escaped) =>
        Assert.Equal(escaped, IcsText.EscapeText(raw));

    [Fact]
    public void A_line_of_exactly_75_octets_is_not_folded()
    {
        var line = "SUMMARY:" + new string('x', 67);

        Assert.Equal(line, IcsText.Fold(line));
    }

    [Fact]
    public void A_76_octet_line_is_folded_after_75()
    {
        var line = "SUMMARY:" + new string('x', 68);

        Assert.Equal(line[..75] + "\r\n " + line[75..], IcsText.Fold(line));
    }

    [Theory]
    [InlineData(300, "x")]
    [InlineData(200, "é")]
    [InlineData(100, "日")]
    [InlineData(80, "🦴")]
    public void Long_lines_fold_into_at_most_75_octets_without_splitting_characters(int repeat, string unit)
    {
        var line = "DESCRIPTION:" + string.Concat(Enumerable.Repeat(unit, repeat));

        var folded = IcsText.Fold(line);

        var physicalLines = folded.Split("\r\n");
        Assert.True(physicalLines.Length > 1);
        Assert.All(physicalLines, physical => Assert.InRange(Encoding.UTF8.GetByteCount(physical), 1, 75));
        Assert.All(physicalLines.Skip(1), physical => Assert.StartsWith(" ", physical, StringComparison.Ordinal));
        // Every physical line is whole characters: splitting a surrogate pair or UTF-8 sequence would fail this round trip.
        Assert.All(physicalLines, physical => Assert.Equal(physical, Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(physical))));
        Assert.Equal(line, folded.Replace("\r\n ", string.Empty, StringComparison.Ordinal));
    }
}
