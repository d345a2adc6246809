using CultureHealth.Storefront.Api;
using CultureHealth.Storefront.Seo;
using CultureHealth.Storefront.Web;
using Microsoft.AspNetCore.Mvc;

namespace CultureHealth.Storefront.Pages.Articles;

/// <summary>What a visitor typed into "Post A Comment" (names as the form posts them).</summary>
public sealed class CommentForm
{
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? Comment { get; set; }
    public Guid? ReplyTo { get; set; }
    public bool EmailMeReplies { get; set; }
    /// <summary>The honeypot: hidden from people, so only bots fill it in; content files such comments as spam.</summary>
    public string? Website { get; set; }
}

/// <summary>
/// The article as the clinic's old site showed it: title, author with bio, date, reading time, body, tags,
/// related articles, "N Comments" threaded, "Post A Comment" (inline field errors from the API's problem
/// details; a plain "awaiting moderation" message) and a "Book a consultation" box.
/// </summary>
[SameForEveryReader]
public sealed class ArticleModel(ContentApi content) : SitePage
{
    /// <summary>Content's MaxCommentDepth: replies are offered only where the API would accept them.</summary>
    public const int MaxCommentDepth = 3;

    public Article Article { get; private set; } = null!;
    public ApiResult<CommentThread> Comments { get; private set; }
    public IReadOnlyList<ArticleSummary> Related { get; private set; } = [];
    public bool Unavailable { get; private set; }

    [BindProperty]
    public CommentForm Form { get; set; } = new();

    /// <summary>The comment being replied to (from ?replyTo= or the posted form), when it is on this article.</summary>
    public Comment? ReplyingTo { get; private set; }

    /// <summary>After a post: what happened, in words the visitor reads first.</summary>
    public string? Outcome { get; private set; }
    public bool OutcomeIsProblem { get; private set; }
    public Dictionary<string, string> FieldErrors { get; } = new(StringComparer.Ordinal);

    public async Task<IActionResult> OnGetAsync(string slug, Guid? replyTo, string? posted, CancellationToken ct)
    {
        if (await LoadAsync(slug, ct) is { } early)
        {
            return early;
        }
        Outcome = posted switch
        {
            "awaiting-moderation" => "Thank you. Your comment is awaiting moderation: it will appear here once a moderator approves it.",
            "published" => "Thank you. Your comment is published.",
            _ => null,
        };
        ReplyingTo = replyTo is { } id ? Find(id) : null;
        Form.ReplyTo = ReplyingTo?.Id;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        if (await LoadAsync(slug, ct) is { } early)
        {
            return early;
        }
        ReplyingTo = Form.ReplyTo is { } id ? Find(id) : null;
        var result = await content.SubmitCommentAsync(Article.Slug, new CommentSubmission(
            Form.Name, Form.Email, Form.Comment, Form.ReplyTo, Form.Website, Form.EmailMeReplies), ct);
        switch (result.Outcome)
        {
            case CommentOutcome.Published:
                return Redirect(SiteRoutes.Article(Article.Slug) + "?posted=published#comment-status");
            case CommentOutcome.AwaitingModeration:
                return Redirect(SiteRoutes.Article(Article.Slug) + "?posted=awaiting-moderation#comment-status");
            case CommentOutcome.Invalid:
                foreach (var (api, field) in FieldNames)
                {
                    if (result.Problem?.ErrorFor(api) is { } message)
                    {
                        FieldErrors[field] = message;
                    }
                }
                Problem(FieldErrors.Count > 0 ? "Please correct the highlighted fields." : result.Problem?.Detail ?? "Please check your comment.");
                break;
            case CommentOutcome.Refused:
                Problem(result.Problem?.Detail ?? "This comment could not be posted.");
                break;
            case CommentOutcome.TooMany:
                Problem("You have posted several comments in a short time. Please wait a minute and try again.");
                break;
            case CommentOutcome.NotFound:
                return NotFound();
            default:
                Problem("Comments cannot be posted right now. Your comment is still below: please try again in a few minutes.");
                break;
        }
        return Page();
    }

    /// <summary>The API's field names and the form's.</summary>
    private static readonly (string Api, string Field)[] FieldNames =
    [
        ("authorName", nameof(CommentForm.Name)), ("authorEmail", nameof(CommentForm.Email)),
        ("body", nameof(CommentForm.Comment)), ("parentId", nameof(CommentForm.ReplyTo)),
    ];

    private void Problem(string message)
    {
        Outcome = message;
        OutcomeIsProblem = true;
    }

    private async Task<IActionResult?> LoadAsync(string slug, CancellationToken ct)
    {
        var article = await content.ArticleAsync(slug, ct);
        if (article.IsNotFound)
        {
            return NotFound();
        }
        if (article.IsUnavailable)
        {
            Unavailable = true;
            Meta.Title = "Article unavailable";
            Meta.Description = "This article cannot be shown right now.";
            Meta.NoIndex = true;
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = "30";
            return Page();
        }
        Article = article.Value!;
        if (Article.Slug != slug)
        {
            // The article was renamed: the old URL moves to the new one for good.
            return RedirectPermanent(SiteRoutes.Article(Article.Slug));
        }

        var comments = content.CommentsAsync(Article.Slug, ct);
        var related = Article.Tags.Count > 0 ? content.ArticlesAsync(1, 4, ct, tag: Article.Tags[0]) : null;
        Comments = await comments;
        if (related is not null && await related is { IsOk: true } list)
        {
            Related = list.Value!.Items.Where(a => a.Slug != Article.Slug).Take(3).ToList();
        }

        var path = SiteRoutes.Article(Article.Slug);
        Meta.Title = Article.SeoTitle;
        Meta.Description = Article.SeoDescription ?? Article.Excerpt ?? Article.Title;
        Meta.CanonicalPath = path;
        Meta.OpenGraphType = "article";
        Meta.ImageUrl = Article.FeaturedImageUrl;
        Trail(new Breadcrumb("Articles", SiteRoutes.Articles), new Breadcrumb(Article.Title, path));
        Meta.StructuredData.Add(StructuredData.Article(Article, Site, path));
        return null;
    }

    private Comment? Find(Guid id)
    {
        static IEnumerable<Comment> All(IEnumerable<Comment> comments) => comments.SelectMany(c => All(c.Replies).Prepend(c));
        return Comments.IsOk ? All(Comments.Value!.Comments).FirstOrDefault(c => c.Id == id) : null;
    }

    public string? ErrorFor(string field) => FieldErrors.GetValueOrDefault(field);
}
