using CultureHealth.Content.Application;
using CultureHealth.Content.Domain;
using CultureHealth.Contracts;
using CultureHealth.ServiceDefaults.Auth;
using CultureHealth.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CultureHealth.Content.Api;

/// <summary>The moderation queue. Staff see commenters' emails here; the public API never shows them.</summary>
public static class ModerationEndpoints
{
    public const int MaxBulk = 200;

    public static IEndpointRouteBuilder MapModerationApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/manage/content/comments").WithTags("Moderation").RequireAuthorization(StaffPolicies.Editor);
        group.MapGet("/", QueueAsync);
        group.MapPost("/moderate", BulkAsync);
        foreach (var status in new[] { CommentStatus.Approved, CommentStatus.Spam, CommentStatus.Trash, CommentStatus.Pending })
        {
            var verb = status switch
            {
                CommentStatus.Approved => "approve",
                CommentStatus.Spam => "spam",
                CommentStatus.Trash => "trash",
                _ => "unapprove",
            };
            group.MapPost($"/{{id:guid}}/{verb}", async Task<Results<Ok<ModerationResultDto>, NotFound>> (
                Guid id, HttpContext http, CommentModeration moderation, CancellationToken ct) =>
            {
                var result = await moderation.ModerateAsync([id], status, StaffActor.Of(http), ct);
                return result.NotFound.Count > 0 ? TypedResults.NotFound() : TypedResults.Ok(result);
            });
        }
        return app;
    }

    private static async Task<Results<Ok<PageDto<ModerationCommentDto>>, ValidationProblem>> QueueAsync(
        string? status, Guid? articleId, int? page, int? pageSize, [AsParameters] ContentServices services, CancellationToken ct)
    {
        var validator = new RequestValidator();
        var paging = PagingQuery.From(page, pageSize, services.Options.Value, validator);
        var wanted = CommentStatus.Pending;
        if (status is not null && !CommentStatusNames.TryParse(status, out wanted))
        {
            validator.Add("status", "One of pending, approved, spam, trash.");
        }
        if (validator.Failed)
        {
            return validator.Problem();
        }
        return TypedResults.Ok(await services.Moderation.ListAsync(wanted, articleId, paging, ct));
    }

    private static async Task<Results<Ok<ModerationResultDto>, ValidationProblem>> BulkAsync(
        BulkModerationRequest request, HttpContext http, CommentModeration moderation, CancellationToken ct)
    {
        var validator = new RequestValidator();
        if (request.Ids is not { Count: > 0 } ids || ids.Count > MaxBulk)
        {
            validator.Add("ids", $"Between 1 and {MaxBulk} comment ids.");
        }
        if (!CommentStatusNames.TryParse(request.Status, out var status))
        {
            validator.Add("status", "One of pending, approved, spam, trash.");
        }
        if (validator.Failed)
        {
            return validator.Problem();
        }
        return TypedResults.Ok(await moderation.ModerateAsync(request.Ids!.Distinct().ToList(), status, StaffActor.Of(http), ct));
    }
}
