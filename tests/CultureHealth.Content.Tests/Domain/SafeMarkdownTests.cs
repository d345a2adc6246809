using CultureHealth.Content.Domain;

namespace CultureHealth.Content.Tests.Domain;

public sealed class SafeMarkdownTests
{
    [Theory]
    [MemberData(nameof(Attacks))]
    public void Attack_strings_come_out_inert(string attack)
    {
        HtmlAssert.Inert(SafeMarkdown.ToHtml(attack));
        HtmlAssert.Inert(SafeMarkdown.ToHtml("Some text " + attack + " more text\n\n" + attack));
    }

    public static TheoryData<string> Attacks => HtmlAssert.AttackStrings;

    [Fact]
    public void Raw_html_is_shown_as_text_not_markup()
    {
        var html = SafeMarkdown.ToHtml("<script>alert(1)</script>");
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Ordinary_markdown_keeps_its_formatting()
    {
        var html = SafeMarkdown.ToHtml("""
            ## When to see a physio

            - pain that lasts **more than two weeks**
            - numbness or *pins and needles*

            > Rest is not always best.

            | Exercise | Reps |
            |---|---|
            | Glute bridge | 12 |

            ![Bridge](https://example.com/bridge.jpg "Glute bridge")
            """);
        Assert.Contains("<h2>When to see a physio</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<li>pain that lasts <strong>more than two weeks</strong></li>", html, StringComparison.Ordinal);
        Assert.Contains("<em>pins and needles</em>", html, StringComparison.Ordinal);
        Assert.Contains("<blockquote>", html, StringComparison.Ordinal);
        Assert.Contains("<td>Glute bridge</td>", html, StringComparison.Ordinal);
        Assert.Contains("<img src=\"https://example.com/bridge.jpg\" alt=\"Bridge\" title=\"Glute bridge\">", html, StringComparison.Ordinal);
        HtmlAssert.Inert(html);
    }

    [Theory]
    [InlineData("[Book](https://culturehealth.example/book)", "https://culturehealth.example/book")]
    [InlineData("[Email us](mailto:hello@culturehealth.example)", "mailto:hello@culturehealth.example")]
    [InlineData("[Relative](/articles/desk-posture)", "/articles/desk-posture")]
    public void Safe_links_are_kept_with_nofollow_noopener(string markdown, string href)
    {
        var html = SafeMarkdown.ToHtml(markdown);
        Assert.Contains($"href=\"{href}\"", html, StringComparison.Ordinal);
        Assert.Contains("rel=\"nofollow noopener\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Javascript_link_keeps_its_text_but_loses_its_url()
    {
        var html = SafeMarkdown.ToHtml("[click me](javascript:alert(1))");
        Assert.Contains("click me", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href", html, StringComparison.Ordinal);
    }
}
