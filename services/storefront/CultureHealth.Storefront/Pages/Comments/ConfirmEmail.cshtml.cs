using CultureHealth.Storefront.Api;
using CultureHealth.Storefront.Web;
using Microsoft.AspNetCore.Mvc;

namespace CultureHealth.Storefront.Pages.Comments;

/// <summary>
/// The link in a commenter's "please confirm your email address" email (content's double opt-in). Opening it shows
/// one button: a mail scanner that follows links confirms nothing; the owner's click does.
/// </summary>
public sealed class ConfirmEmailModel(ContentApi content) : SitePage
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public ReplyKind? Outcome { get; private set; }

    public void OnGet() => Describe();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Describe();
        Outcome = string.IsNullOrWhiteSpace(Token) ? ReplyKind.Invalid : await content.ConfirmCommenterEmailAsync(Token.Trim(), ct);
        if (Outcome == ReplyKind.Unavailable)
        {
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = "30";
        }
        return Page();
    }

    private void Describe()
    {
        // The URL carries the token: never indexed, never sent on as a Referer.
        Response.SendNoReferrer();
        Meta.NoIndex = true;
        Meta.Title = "Confirm your email address";
        Meta.Description = "Confirm the email address you gave with your comment, so that we can email you when someone replies.";
        Meta.CanonicalPath = SiteRoutes.ConfirmCommenterEmail;
    }
}
