using System.ComponentModel.DataAnnotations;
using CultureHealth.BackOffice.AdminApi;
using CultureHealth.BackOffice.Web;
using CultureHealth.Calendar;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;

namespace CultureHealth.BackOffice.Pages.Articles;

/// <summary>
/// Write or edit an article (editors): Markdown with a preview that content renders with the site's own sanitiser
/// (nothing is saved by previewing), tags, author, slug (content keeps the old one as a redirect), then publish now,
/// schedule for a London time, return to draft or archive.
/// </summary>
public sealed class EditModel(AdminClient admin) : StaffPageModel
{
    private static readonly Dictionary<string, string> Fields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["title"] = nameof(Title), ["slug"] = nameof(Slug), ["excerpt"] = nameof(Excerpt), ["bodyMarkdown"] = nameof(Body),
        ["tags"] = nameof(Tags), ["authorId"] = nameof(AuthorId), ["publishAt"] = nameof(ScheduleDate),
    };

    [BindProperty, Required(ErrorMessage = "Give the article a title."), StringLength(200)]
    public string Title { get; set; } = "";

    [BindProperty, Display(Name = "Address (slug)")]
    public string? Slug { get; set; }

    [BindProperty, StringLength(1000)]
    public string? Excerpt { get; set; }

    [BindProperty, Required(ErrorMessage = "Write the article's text."), Display(Name = "Text (Markdown)")]
    public string Body { get; set; } = "";

    [BindProperty, Display(Name = "Tags")]
    public string? Tags { get; set; }

    [BindProperty, Required(ErrorMessage = "Choose the author."), Display(Name = "Author")]
    public Guid? AuthorId { get; set; }

    [BindProperty, Display(Name = "Date")]
    public string? ScheduleDate { get; set; }

    [BindProperty, Display(Name = "Time")]
    public string? ScheduleTime { get; set; }

    public Article? Article { get; private set; }

    public IReadOnlyList<Author> Authors { get; private set; } = [];

    public string? PreviewHtml { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }
        if (Article is { } a)
        {
            (Title, Slug, Excerpt, Body, Tags, AuthorId) = (a.Title, a.Slug, a.Excerpt, a.BodyMarkdown, string.Join(", ", a.Tags), a.AuthorId);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(Guid? id, CancellationToken ct)
    {
        ModelState.Clear();
        var preview = await admin.PostAsync<Preview>("api/admin/content/articles/preview", new { bodyMarkdown = Body }, ct);
        return preview.Value is { } p
            ? await ShowAsync(id, () => PreviewHtml = p.BodyHtml, ct)
            : await RefusedAsync(id, preview.Problem!, ct);
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid? id, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await ShowAsync(id, null, ct);
        }
        if (id is null)
        {
            var created = await admin.PostAsync<Article>("api/admin/content/articles", ArticleBody(null), ct);
            return created.Value is { } article ? Done("article-created", routeValues: new { id = article.Id }) : await RefusedAsync(id, created.Problem!, ct);
        }
        var current = await admin.GetAsync<Article>($"api/admin/content/articles/{id}", ct);
        if (current.Value is not { } existing)
        {
            return await RefusedAsync(id, current.Problem!, ct);
        }
        var saved = await admin.PutAsync<Article>($"api/admin/content/articles/{id}", ArticleBody(existing), ct);
        return saved.IsSuccess ? Done("article-saved", routeValues: new { id }) : await RefusedAsync(id, saved.Problem!, ct);
    }

    public Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken ct) => TransitionAsync(id, "publish", null, "article-published", ct);

    public Task<IActionResult> OnPostDraftAsync(Guid id, CancellationToken ct) => TransitionAsync(id, "unpublish", null, "article-draft", ct);

    public Task<IActionResult> OnPostArchiveAsync(Guid id, CancellationToken ct) => TransitionAsync(id, "archive", null, "article-archived", ct);

    public async Task<IActionResult> OnPostScheduleAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var date = NodaTime.Text.LocalDatePattern.Iso.Parse(ScheduleDate ?? "");
        var time = NodaTime.Text.LocalTimePattern.CreateWithInvariantCulture("HH:mm").Parse(ScheduleTime ?? "");
        if (!date.Success || !time.Success)
        {
            ModelState.AddModelError(nameof(ScheduleDate), "Give the date and time (London) to publish at.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await ShowAsync(id, KeepArticleFields, ct);
        }
        var publishAt = ClinicTimeZone.ToDateTimeOffset(date.Value + time.Value);
        return await TransitionAsync(id, "schedule", new { publishAt }, "article-scheduled", ct);
    }

    private async Task<IActionResult> TransitionAsync(Guid id, string action, object? body, string notice, CancellationToken ct)
    {
        var result = await admin.PostAsync<Article>($"api/admin/content/articles/{id}/{action}", body ?? new { }, ct);
        if (result.IsSuccess)
        {
            return Done(notice, routeValues: new { id });
        }
        ModelState.Clear();
        return await RefusedAsync(id, result.Problem!, ct, KeepArticleFields);
    }

    /// <summary>The status buttons post no article fields: show the article as it is saved.</summary>
    private void KeepArticleFields()
    {
        if (Article is { } a)
        {
            (Title, Slug, Excerpt, Body, Tags, AuthorId) = (a.Title, a.Slug, a.Excerpt, a.BodyMarkdown, string.Join(", ", a.Tags), a.AuthorId);
        }
    }

    /// <summary>Content replaces the whole article on save: what this form does not edit is sent back as it was.</summary>
    private object ArticleBody(Article? existing) => new
    {
        title = Title,
        slug = string.IsNullOrWhiteSpace(Slug) || Slug == existing?.Slug ? null : Slug.Trim(),
        excerpt = string.IsNullOrWhiteSpace(Excerpt) ? null : Excerpt,
        bodyMarkdown = Body,
        authorId = AuthorId,
        tags = (Tags ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        featuredImageUrl = existing?.FeaturedImageUrl,
        seoTitle = existing?.SeoTitle,
        seoDescription = existing?.SeoDescription,
        callToActionAppointmentType = existing?.CallToActionAppointmentType,
        commentsOpen = existing?.CommentsOpen ?? true,
    };

    private async Task<IActionResult> RefusedAsync(Guid? id, AdminProblem problem, CancellationToken ct, Action? then = null)
    {
        if (problem.Status == StatusCodes.Status403Forbidden)
        {
            return Forbid();
        }
        var refused = Refused(problem, Fields);
        var shown = await ShowAsync(id, then, ct, keepStatus: true);
        return shown is PageResult ? refused : shown;
    }

    private async Task<IActionResult> ShowAsync(Guid? id, Action? then, CancellationToken ct, bool keepStatus = false)
    {
        if (await LoadAsync(id, ct, keepStatus) is { } failed)
        {
            return failed;
        }
        then?.Invoke();
        return Page();
    }

    /// <summary>The authors to choose from and, when editing, the article as saved; null when the page can be shown.</summary>
    private async Task<IActionResult?> LoadAsync(Guid? id, CancellationToken ct, bool keepStatus = false)
    {
        var authors = await admin.GetAsync<List<Author>>("api/admin/content/authors", ct);
        if (authors.Value is not { } list)
        {
            return authors.Problem!.Status == StatusCodes.Status403Forbidden ? Forbid() : keepStatus ? null : Refused(authors.Problem);
        }
        Authors = list;
        if (id is { } articleId)
        {
            var article = await admin.GetAsync<Article>($"api/admin/content/articles/{articleId}", ct);
            if (article.Value is not { } a)
            {
                return article.Problem!.Status switch
                {
                    StatusCodes.Status403Forbidden => Forbid(),
                    StatusCodes.Status404NotFound => NotFound(),
                    _ => keepStatus ? null : Refused(article.Problem),
                };
            }
            Article = a;
        }
        return null;
    }
}
