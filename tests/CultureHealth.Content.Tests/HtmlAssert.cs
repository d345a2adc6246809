using AngleSharp.Html.Parser;

namespace CultureHealth.Content.Tests;

/// <summary>
/// Parses HTML the way a browser would and fails on anything that can run script: a tag outside the
/// allow-list, an on* handler, a style attribute, or a URL whose scheme is not http, https or mailto.
/// </summary>
public static class HtmlAssert
{
    private static readonly HashSet<string> SafeTags =
    [
        "html", "head", "body", "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "b", "i", "del", "s",
        "blockquote", "ul", "ol", "li", "a", "code", "pre", "table", "thead", "tbody", "tr", "th", "td", "img", "sup", "sub", "mark",
    ];

    private static readonly HashSet<string> SafeAttributes = ["href", "src", "alt", "title", "start", "rel"];

    public static void Inert(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        foreach (var element in document.All)
        {
            Assert.True(SafeTags.Contains(element.LocalName), $"<{element.LocalName}> survived in: {html}");
            foreach (var attribute in element.Attributes)
            {
                Assert.True(SafeAttributes.Contains(attribute.LocalName), $"attribute {attribute.LocalName} survived in: {html}");
                if (attribute.LocalName is "href" or "src")
                {
                    var value = attribute.Value.Trim();
                    var scheme = value.Contains(':', StringComparison.Ordinal) ? value[..value.IndexOf(':', StringComparison.Ordinal)].ToLowerInvariant() : "";
                    Assert.True(scheme is "" or "http" or "https" or "mailto", $"{attribute.LocalName}=\"{value}\" survived in: {html}");
                }
            }
        }
    }

    /// <summary>Known attack strings, each of which has run script in some renderer.</summary>
    public static readonly TheoryData<string> AttackStrings = new()
    {
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[click me](javascript:alert(1))",
        "[click me](JaVaScRiPt:alert(1))",
        "[click me](  javascript:alert(1) \"title\")",
        "<a href=\"jAvAsCrIpT:alert(1)\">x</a>",
        "[x](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))",
        "[x](java&#x09;script:alert(1))",
        "<javascript:alert(1)>",
        "![img](javascript:alert(1))",
        "![img](x \"onerror=alert(1)\")",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
        "<svg onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<object data=\"evil.swf\"></object><embed src=\"evil.swf\">",
        "<style>body{background:url(javascript:alert(1))}</style>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "<<script>script>alert(1)<</script>/script>",
        "<a href=\"https://ok.example\" onclick=\"alert(1)\">ok</a>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "`<script>alert(1)</script>`",
        "```html\n<script>alert(1)</script>\n```",
        "<!--<img src=x onerror=alert(1)>-->",
        "[x](vbscript:msgbox(1))",
        "<form action=\"javascript:alert(1)\"><button>go</button></form>",
    };
}
