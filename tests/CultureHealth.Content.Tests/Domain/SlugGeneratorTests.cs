using CultureHealth.Content.Domain;

namespace CultureHealth.Content.Tests.Domain;

public sealed class SlugGeneratorTests
{
    [Theory]
    [InlineData("How Running Injuries Can Trigger Lower Back Pain", "how-running-injuries-can-trigger-lower-back-pain")]
    [InlineData("  Foam Rolling: Myths & Facts!  ", "foam-rolling-myths-and-facts")]
    [InlineData("Crème brûlée for Zoë's Achilles", "creme-brulee-for-zoes-achilles")]
    [InlineData("Straße --- über", "strasse-uber")]
    [InlineData("Don't sit   all day", "dont-sit-all-day")]
    [InlineData("<script>alert(1)</script>", "script-alert-1-script")]
    [InlineData("!!!", "")]
    public void Makes_lowercase_ascii_hyphenated_slugs(string title, string expected) =>
        Assert.Equal(expected, SlugGenerator.FromTitle(title));

    [Fact]
    public void Long_titles_are_cut_at_a_word_boundary()
    {
        var slug = SlugGenerator.FromTitle(string.Join(' ', Enumerable.Repeat("physiotherapy", 20)));
        Assert.True(slug.Length <= SlugGenerator.MaxLength);
        Assert.False(slug.EndsWith('-'));
        Assert.All(slug.Split('-'), w => Assert.Equal("physiotherapy", w));
    }

    [Fact]
    public void Suffix_keeps_the_length_limit()
    {
        Assert.Equal("foam-rolling-2", SlugGenerator.WithSuffix("foam-rolling", 2));
        var longSlug = new string('a', SlugGenerator.MaxLength);
        var suffixed = SlugGenerator.WithSuffix(longSlug, 12);
        Assert.Equal(SlugGenerator.MaxLength, suffixed.Length);
        Assert.EndsWith("-12", suffixed, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("desk-posture", true)]
    [InlineData("Desk-Posture", false)]
    [InlineData("desk--posture", false)]
    [InlineData("-desk", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Validates_editor_supplied_slugs(string? slug, bool valid) => Assert.Equal(valid, SlugGenerator.IsValid(slug));
}
