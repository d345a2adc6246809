using CultureHealth.Notifications.Composition;
using CultureHealth.Notifications.Templates;

namespace CultureHealth.Notifications.Tests;

public sealed class TemplateRendererTests
{
    [Fact]
    public void Html_encodes_every_inserted_value_and_text_keeps_it_as_is()
    {
        var values = new TemplateValues { ["name"] = "<b>Pat</b> & \"Jo\" O'Neil £5" };

        Assert.Equal("<p>&lt;b&gt;Pat&lt;/b&gt; &amp; &quot;Jo&quot; O&#39;Neil £5</p>", TemplateRenderer.Render("<p>{{name}}</p>", values, html: true));
        Assert.Equal("<b>Pat</b> & \"Jo\" O'Neil £5", TemplateRenderer.Render("{{name}}", values, html: false));
    }

    [Fact]
    public void Sections_repeat_lists_show_non_empty_values_and_inverted_sections_show_empty_ones()
    {
        var values = new TemplateValues
        {
            ["lines"] = new List<TemplateValues> { new() { ["n"] = "a" }, new() { ["n"] = "b" } },
            ["link"] = "",
            ["paid"] = true,
            ["who"] = "Pat",
        };

        Assert.Equal("[a Pat][b Pat]", TemplateRenderer.Render("{{#lines}}[{{n}} {{who}}]{{/lines}}", values, html: false));
        Assert.Equal("no link", TemplateRenderer.Render("{{#link}}link {{link}}{{/link}}{{^link}}no link{{/link}}", values, html: false));
        Assert.Equal("paid", TemplateRenderer.Render("{{#paid}}paid{{/paid}}{{^paid}}due{{/paid}}", values, html: false));
    }

    [Fact]
    public void Inserted_values_are_never_expanded_again()
    {
        var values = new TemplateValues { ["comment"] = "{{secret}} {{#x}}y{{/x}}", ["secret"] = "leaked" };

        Assert.Equal("{{secret}} {{#x}}y{{/x}}", TemplateRenderer.Render("{{comment}}", values, html: false));
    }

    [Fact]
    public void A_value_the_template_uses_but_was_not_given_is_an_error() =>
        Assert.Throws<InvalidOperationException>(() => TemplateRenderer.Render("{{missing}}", new TemplateValues(), html: false));
}

public sealed class FormattingTests
{
    [Theory]
    [InlineData(0, "£0.00")]
    [InlineData(5, "£0.05")]
    [InlineData(4500, "£45.00")]
    [InlineData(123456, "£1,234.56")]
    [InlineData(-50, "-£0.50")]
    public void Pence_read_as_pounds(long pence, string expected) => Assert.Equal(expected, EmailWording.Pounds(pence));

    [Fact]
    public void Times_read_in_London_whatever_offset_they_arrive_with()
    {
        // 09:00 UTC is 10:00 BST in July; 10:00 UTC is 10:00 GMT in January.
        Assert.Equal("Wednesday 16 July 2031 at 10:00", EmailWording.ClinicDateTime(new DateTimeOffset(2031, 7, 16, 9, 0, 0, TimeSpan.Zero)));
        Assert.Equal("Thursday 16 January 2031 at 10:00", EmailWording.ClinicDateTime(new DateTimeOffset(2031, 1, 16, 10, 0, 0, TimeSpan.Zero)));
        // The last Sunday of October 2031 (26th): 00:30 UTC is 01:30 BST, 01:30 UTC is 01:30 GMT.
        Assert.Equal("01:30", EmailWording.ClinicTime(new DateTimeOffset(2031, 10, 26, 0, 30, 0, TimeSpan.Zero)));
        Assert.Equal("01:30", EmailWording.ClinicTime(new DateTimeOffset(2031, 10, 26, 1, 30, 0, TimeSpan.Zero)));
    }
}
