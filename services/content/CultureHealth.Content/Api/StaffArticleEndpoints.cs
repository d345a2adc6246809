using CultureHealth.Content.Application;
using CultureHealth.Content.Domain;
using CultureHealth.ServiceDefaults.Auth;
using CultureHealth.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CultureHealth.Content.Api;

/// <summary>Editors' article management; the admin service forwards /api/admin/content/... here.</summary>
public static class StaffArticleEndpoints
{
    public static IEndpointRouteBuilder MapStaffArticleApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/manage/content/articles").WithTags("Manage articles").RequireAuthorization(StaffPolicies.Editor);
        group.MapGet("/", ListAsync);
        group.MapGet("/{id:guid}", GetAsync);
        // What the site would show for this Markdown (the same sanitiser), without saving anything: the back office's preview.
        group.MapPost("/preview", Results<Ok<PreviewDto>, ValidationProblem> (PreviewRequest request) =>
        {
            var validator = new RequestValidator().Required("bodyMarkdown", request.BodyMarkdown, ArticleRequestValidation.MaxBodyLength);
            return validator.Failed ? validator.Problem() : TypedResults.Ok(new PreviewDto(SafeMarkdown.ToHtml(request.BodyMarkdown!)));
        });
        group.MapPost("/", CreateAsync);
        group.MapPut("/{id:guid}", UpdateAsync);
        group.MapPost("/{id:guid}/schedule", ScheduleAsync);
        group.MapPost("/{id:guid}/publish", (Guid id, ArticleChanges changes, CancellationToken ct) => Answer(changes.PublishAsync(id, ct)));
        group.MapPost("/{id:guid}/unpublish", (Guid id, ArticleChanges changes, CancellationToken ct) => Answer(changes.ReturnToDraftAsync(id, ct)));
        group.MapPost("/{id:guid}/archive", (Guid id, ArticleChanges changes, CancellationToken ct) => Answer(changes.ArchiveAsync(id, ct)));
        group.MapPost("/{id:guid}/comments/close", (Guid id, ArticleChanges changes, CancellationToken ct) => Answer(changes.SetCommentsOpenAsync(id, false, ct)));
        group.MapPost("/{id:guid}/comments/open", (Guid id, ArticleChanges changes, CancellationToken ct) => Answer(changes.SetCommentsOpenAsync(id, true, ct)));
        return app;
    }

    private static async Task<Results<Ok<PageDto<StaffArticleSummaryDto>>, ValidationProblem>> ListAsync(
        string? status, int? page, int? pageSize, StaffArticleViews views, IOptions<ContentOptions> options, CancellationToken ct)
    {
        var validator = new RequestValidator();
        var paging = PagingQuery.From(page, pageSize, options.Value, validator);
        ArticleStatus? wanted = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (Enum.TryParse<ArticleStatus>(status, true, out var s) && Enum.IsDefined(s) && !int.TryParse(status, out _))
            {
                wanted = s;
            }
            else
            {
                validator.Add("status", "One of draft, scheduled, published, archived.");
            }
        }
        if (validator.Failed)
        {
            return validator.Problem();
        }
        return TypedResults.Ok(await views.ListAsync(wanted, paging, ct));
    }

    private static async Task<Results<Ok<StaffArticleDto>, NotFound, ValidationProblem>> ScheduleAsync(
        Guid id, ScheduleRequest request, ArticleChanges changes, CancellationToken ct)
    {
        if (request.PublishAt is not { } at)
        {
            return new RequestValidator().Add("publishAt", "Required.").Problem();
        }
        return await changes.ScheduleAsync(id, at, ct) is { } changed ? TypedResults.Ok(changed) : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<StaffArticleDto>, NotFound>> Answer(Task<StaffArticleDto?> change) =>
        await change is { } changed ? TypedResults.Ok(changed) : TypedResults.NotFound();

    private static async Task<Results<Ok<StaffArticleDto>, NotFound>> GetAsync(Guid id, StaffArticleViews views, CancellationToken ct) =>
        await views.GetAsync(id, ct) is { } dto ? TypedResults.Ok(dto) : TypedResults.NotFound();

    private static async Task<Results<Created<StaffArticleDto>, ValidationProblem>> CreateAsync(
        ArticleRequest request, ArticleEdits edits, CancellationToken ct)
    {
        var validator = ArticleRequestValidation.Validate(request);
        if (validator.Failed)
        {
            return validator.Problem();
        }
        var created = await edits.CreateAsync(request, ct);
        return TypedResults.Created($"/manage/content/articles/{created.Id}", created);
    }

    private static async Task<Results<Ok<StaffArticleDto>, ValidationProblem, NotFound>> UpdateAsync(
        Guid id, ArticleRequest request, ArticleEdits edits, CancellationToken ct)
    {
        var validator = ArticleRequestValidation.Validate(request);
        if (validator.Failed)
        {
            return validator.Problem();
        }
        return await edits.UpdateAsync(id, request, ct) is { } updated ? TypedResults.Ok(updated) : TypedResults.NotFound();
    }
}
