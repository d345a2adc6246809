using CultureHealth.Content.Application;
using CultureHealth.Content.Domain;
using CultureHealth.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CultureHealth.Content.Api;

public static class CommentEndpoints
{
    public static IEndpointRouteBuilder MapCommentApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/content/articles/{slug}/comments").WithTags("Comments");
        group.MapGet("/", ThreadAsync).CacheOutput(ContentCache.CommentsPolicy);
        group.MapPost("/", SubmitAsync).RequireRateLimiting(CommentRateLimiting.Policy);
        return app;
    }

    private static async Task<Results<Ok<CommentThreadDto>, NotFound>> ThreadAsync(string slug, CommentThreads threads, CancellationToken ct) =>
        await threads.ForArticleAsync(slug, ct) is { } thread ? TypedResults.Ok(thread) : TypedResults.NotFound();

    private static async Task<Results<Accepted<CommentAcceptedDto>, ValidationProblem, NotFound>> SubmitAsync(
        string slug, SubmitCommentRequest request, HttpContext http, CommentSubmissions submissions, IOptions<ContentOptions> options,
        CancellationToken ct)
    {
        var o = options.Value;
        var validator = new RequestValidator()
            .Required("authorName", request.AuthorName, Comment.MaxNameLength)
            .Email("authorEmail", request.AuthorEmail?.Trim())
            .Required("body", request.Body, o.MaxCommentLength)
            .Optional("website", request.Website, 500);
        if (validator.Failed)
        {
            return validator.Problem();
        }

        var submitted = await submissions.SubmitAsync(slug, new NewComment(request.AuthorName!, request.AuthorEmail!, request.Body!,
            request.ParentId, request.Website, request.NotifyOnReply == true, ClientAddress.Hash(ClientAddress.Of(http), o.IpHashSalt)), ct);
        if (submitted is null)
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Accepted((string?)null, new CommentAcceptedDto(submitted.Id, submitted.Shown.ToWire(),
            submitted.Shown == CommentStatus.Approved ? "Thanks, your comment is published." : "Thanks, your comment will appear once a moderator approves it."));
    }
}
