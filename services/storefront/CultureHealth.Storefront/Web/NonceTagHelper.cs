using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CultureHealth.Storefront.Web;

/// <summary>Every &lt;script&gt; a page writes carries this response's CSP nonce; without it the browser would not run it.</summary>
[HtmlTargetElement("script")]
public sealed class NonceTagHelper : TagHelper
{
    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output) =>
        output.Attributes.SetAttribute("nonce", ViewContext.HttpContext.CspNonce());
}
