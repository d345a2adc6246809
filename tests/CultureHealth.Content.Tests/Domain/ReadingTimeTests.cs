using CultureHealth.Content.Domain;

namespace CultureHealth.Content.Tests.Domain;

public sealed class ReadingTimeTests
{
    [Theory]
    [InlineData("", 1)]
    [InlineData("A short note.", 1)]
    [InlineData(null, 1)]
    public void Is_at_least_a_minute(string? text, int minutes) => Assert.Equal(minutes, ReadingTime.Minutes(text!));

    [Fact]
    public void Rounds_up_whole_minutes_of_words()
    {
        Assert.Equal(1, ReadingTime.Minutes(Words(200)));
        Assert.Equal(2, ReadingTime.Minutes(Words(201)));
        Assert.Equal(5, ReadingTime.Minutes("## Heading\n\n" + Words(950) + "\n\n- **bold** item"));
    }

    [Fact]
    public void Markup_is_not_counted_as_words() =>
        Assert.Equal(ReadingTime.Minutes(Words(300)), ReadingTime.Minutes("# " + Words(300).Replace(" ", " **--** ", StringComparison.Ordinal)));

    private static string Words(int n) => string.Join(' ', Enumerable.Repeat("stretch", n));
}
