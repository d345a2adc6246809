using CultureHealth.Content.Domain;

namespace CultureHealth.Content.Tests.Domain;

public sealed class PlainTextTests
{
    [Theory]
    [MemberData(nameof(Attacks))]
    public void Comment_bodies_are_escaped(string attack)
    {
        var html = PlainText.ToHtml(attack);
        HtmlAssert.Inert(html);
        // Escaped text has no markup of its own apart from the line breaks we add.
        Assert.DoesNotContain('<', html.Replace("<br>", "", StringComparison.Ordinal));
    }

    public static TheoryData<string> Attacks => HtmlAssert.AttackStrings;

    [Fact]
    public void Line_breaks_are_preserved()
    {
        Assert.Equal("Thanks!<br>My knee is better.<br><br>Sam &amp; Jo", PlainText.ToHtml("Thanks!\r\nMy knee is better.\n\rSam & Jo"));
    }

    [Fact]
    public void Quotes_are_escaped_so_text_is_safe_in_attributes_too() =>
        Assert.Equal("&quot;hi&quot; &#39;there&#39;", PlainText.ToHtml("\"hi\" 'there'"));
}
