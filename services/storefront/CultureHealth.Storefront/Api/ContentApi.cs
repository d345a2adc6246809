using System.Net;
using System.Net.Http.Json;
using CultureHealth.Storefront.Web;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Options;

namespace CultureHealth.Storefront.Api;

/// <summary>The content service's public API (articles, tags, authors, comments) through the gateway.</summary>
public sealed class ContentApi(HttpClient http, HybridCache cache, IOptions<StorefrontOptions> options, ILogger<ContentApi> logger)
    : GatewayApi(http, cache, logger)
{
    private const string ArticlesTag = "content-articles";
    private const string CommentsTag = "content-comments";
    private TimeSpan Reads => options.Value.PublicReadCacheDuration;

    public Task<ApiResult<PageOf<ArticleSummary>>> ArticlesAsync(int page, int pageSize, CancellationToken ct, string? tag = null, Guid? author = null) =>
        CachedGetAsync<PageOf<ArticleSummary>>("/api/content/articles" + Query(("page", page), ("pageSize", pageSize), ("tag", tag), ("author", author)), Reads, [ArticlesTag], ct);

    /// <summary>Search is not cached: every query is different, and content ranks it in one statement.</summary>
    public Task<ApiResult<PageOf<ArticleSummary>>> SearchAsync(string q, int page, int pageSize, CancellationToken ct) =>
        GetAsync<PageOf<ArticleSummary>>("/api/content/articles" + Query(("q", q), ("page", page), ("pageSize", pageSize)), ct);

    /// <summary>The article; when its slug changed, content redirects and the result carries the new slug.</summary>
    public Task<ApiResult<Article>> ArticleAsync(string slug, CancellationToken ct) =>
        CachedGetAsync<Article>("/api/content/articles/" + Uri.EscapeDataString(slug), Reads, [ArticlesTag], ct);

    public Task<ApiResult<List<Tag>>> TagsAsync(CancellationToken ct) =>
        CachedGetAsync<List<Tag>>("/api/content/tags", Reads, [ArticlesTag], ct);

    public Task<ApiResult<Author>> AuthorAsync(Guid id, CancellationToken ct) =>
        CachedGetAsync<Author>("/api/content/authors/" + id, Reads, [ArticlesTag], ct);

    public Task<ApiResult<CommentThread>> CommentsAsync(string slug, CancellationToken ct) =>
        CachedGetAsync<CommentThread>($"/api/content/articles/{Uri.EscapeDataString(slug)}/comments", options.Value.CommentCacheDuration, [CommentsTag], ct);

    public async Task<CommentResult> SubmitCommentAsync(string slug, CommentSubmission comment, CancellationToken ct)
    {
        try
        {
            using var response = await Http.PostAsJsonAsync($"/api/content/articles/{Uri.EscapeDataString(slug)}/comments", new
            {
                authorName = comment.AuthorName,
                authorEmail = comment.AuthorEmail,
                body = comment.Body,
                parentId = comment.ParentId,
                website = comment.Website,
                notifyOnReply = comment.NotifyOnReply,
            }, Json, ct);
            switch (response.StatusCode)
            {
                case HttpStatusCode.Accepted:
                    var accepted = await response.Content.ReadFromJsonAsync<Accepted>(Json, ct);
                    if (accepted?.Status == "approved")
                    {
                        // This replica shows the new comment at once; others within CommentCacheDuration.
                        await ForgetAsync(CommentsTag, ct);
                        await ForgetAsync(ReaderPageCache.Tag, ct);
                        return new CommentResult(CommentOutcome.Published, accepted.Message);
                    }
                    return new CommentResult(CommentOutcome.AwaitingModeration, accepted?.Message);
                case HttpStatusCode.BadRequest:
                    return new CommentResult(CommentOutcome.Invalid, Problem: await ProblemAsync(response, ct));
                case HttpStatusCode.Conflict:
                    return new CommentResult(CommentOutcome.Refused, Problem: await ProblemAsync(response, ct));
                case HttpStatusCode.NotFound:
                    return new CommentResult(CommentOutcome.NotFound);
                case HttpStatusCode.TooManyRequests:
                    return new CommentResult(CommentOutcome.TooMany, Problem: await ProblemAsync(response, ct));
                default:
                    return new CommentResult(CommentOutcome.Unavailable);
            }
        }
        catch (Exception e) when (IsOutage(e, ct))
        {
            return new CommentResult(CommentOutcome.Unavailable);
        }
    }

    /// <summary>A commenter's emailed link (double opt-in): Done (again on a second click), Invalid (field token) or Unavailable.</summary>
    public async Task<ReplyKind> ConfirmCommenterEmailAsync(string token, CancellationToken ct)
    {
        try
        {
            using var response = await Http.PostAsJsonAsync("/api/content/commenter-emails/confirm", new { token }, Json, ct);
            return response.StatusCode switch
            {
                HttpStatusCode.NoContent or HttpStatusCode.OK => ReplyKind.Done,
                HttpStatusCode.BadRequest or HttpStatusCode.NotFound => ReplyKind.Invalid,
                HttpStatusCode.TooManyRequests => ReplyKind.TooMany,
                _ => ReplyKind.Unavailable,
            };
        }
        catch (Exception e) when (IsOutage(e, ct))
        {
            return ReplyKind.Unavailable;
        }
    }

    internal static async Task<ApiProblem?> ProblemAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<ApiProblem>(Json, ct);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or NotSupportedException)
        {
            return null;
        }
    }

    private sealed record Accepted(Guid Id, string Status, string Message);
}
