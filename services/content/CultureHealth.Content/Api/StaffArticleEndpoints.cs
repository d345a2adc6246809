using CultureHealth.Content.Application;
using CultureHealth.Content.Data;
using CultureHealth.Content.Domain;
using CultureHealth.Messaging.Data;
using CultureHealth.ServiceDefaults.Auth;
using CultureHealth.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
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
        group.MapPost("/{id:guid}/publish", (Guid id, ArticleChanges changes, CancellationToken ct) => Answer(changes.ApplyAsync(id, (a, now) => a.Publish(now), ct)));
        group.MapPost("/{id:guid}/unpublish", (Guid id, ArticleChanges changes, CancellationToken ct) => Answer(changes.ApplyAsync(id, (a, now) => a.ReturnToDraft(now), ct)));
        group.MapPost("/{id:guid}/archive", (Guid id, ArticleChanges changes, CancellationToken ct) => Answer(changes.ApplyAsync(id, (a, now) => a.Archive(now), ct)));
        group.MapPost("/{id:guid}/comments/close", (Guid id, ArticleChanges changes, CancellationToken ct) => Answer(changes.ApplyAsync(id, (a, now) => { a.CommentsOpen = false; a.UpdatedAt = now; }, ct)));
        group.MapPost("/{id:guid}/comments/open", (Guid id, ArticleChanges changes, CancellationToken ct) => Answer(changes.ApplyAsync(id, (a, now) => { a.CommentsOpen = true; a.UpdatedAt = now; }, ct)));
        return app;
    }

    private static async Task<Results<Ok<PageDto<StaffArticleSummaryDto>>, ValidationProblem>> ListAsync(
        string? status, int? page, int? pageSize, ContentDbContext db, IOptions<ContentOptions> options, CancellationToken ct)
    {
        var validator = new RequestValidator();
        var paging = Paging.From(page, pageSize, options.Value, validator);
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
        var articles = db.Articles.AsNoTracking();
        if (wanted is { } w)
        {
            articles = articles.Where(a => a.Status == w);
        }
        var total = await articles.CountAsync(ct);
        var items = await articles.OrderByDescending(a => a.UpdatedAt).ThenBy(a => a.Id).Skip(paging.Skip).Take(paging.PageSize)
            .Select(a => new
            {
                a.Id, a.Slug, a.Title, a.Status, a.PublishAt, a.PublishedAt, a.UpdatedAt, AuthorName = a.Author!.Name, a.CommentsOpen,
                Pending = db.Comments.Count(c => c.ArticleId == a.Id && c.Status == CommentStatus.Pending),
            })
            .ToListAsync(ct);
        return TypedResults.Ok(new PageDto<StaffArticleSummaryDto>(
            items.Select(a => new StaffArticleSummaryDto(a.Id, a.Slug, a.Title, a.Status.ToWire(), a.PublishAt, a.PublishedAt, a.UpdatedAt, a.AuthorName, a.CommentsOpen, a.Pending)).ToList(),
            paging.Page, paging.PageSize, total));
    }

    private static async Task<Results<Ok<StaffArticleDto>, NotFound, ValidationProblem>> ScheduleAsync(
        Guid id, ScheduleRequest request, ArticleChanges changes, CancellationToken ct)
    {
        if (request.PublishAt is not { } at)
        {
            return new RequestValidator().Add("publishAt", "Required.").Problem();
        }
        return await changes.ApplyAsync(id, (a, now) => a.Schedule(at, now), ct) is { } changed ? TypedResults.Ok(changed) : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<StaffArticleDto>, NotFound>> Answer(Task<StaffArticleDto?> change) =>
        await change is { } changed ? TypedResults.Ok(changed) : TypedResults.NotFound();

    private static async Task<Results<Ok<StaffArticleDto>, NotFound>> GetAsync(Guid id, ContentDbContext db, CancellationToken ct) =>
        await StaffArticleViews.LoadAsync(db, id, ct) is { } dto ? TypedResults.Ok(dto) : TypedResults.NotFound();

    private static async Task<Results<Created<StaffArticleDto>, ValidationProblem>> CreateAsync(
        ArticleRequest request, ContentDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var validator = ArticleRequestValidation.Validate(request);
        if (!validator.Failed && !await db.Authors.AnyAsync(a => a.Id == request.AuthorId, ct))
        {
            validator.Add("authorId", "No author with this id.");
        }
        if (validator.Failed)
        {
            return validator.Problem();
        }
        string slug;
        if (request.Slug is { } wanted)
        {
            if (await SlugAllocator.IsTakenAsync(db, wanted, null, ct))
            {
                throw ContentProblems.SlugTaken();
            }
            slug = wanted;
        }
        else
        {
            slug = await SlugAllocator.FirstFreeAsync(db, SlugGenerator.FromTitle(request.Title!), ct);
        }

        var now = clock.GetUtcNow();
        var article = new Article { Id = Guid.CreateVersion7(now), CreatedAt = now, Slug = slug };
        Apply(article, request, now);
        db.Articles.Add(article);
        await StaffSaves.SaveAsync(db, ct);
        var dto = (await StaffArticleViews.LoadAsync(db, article.Id, ct))!;
        return TypedResults.Created($"/manage/content/articles/{article.Id}", dto);
    }

    private static async Task<Results<Ok<StaffArticleDto>, ValidationProblem, NotFound>> UpdateAsync(
        Guid id, ArticleRequest request, ContentDbContext db, TimeProvider clock, IOutputCacheStore cache, CancellationToken ct)
    {
        var validator = ArticleRequestValidation.Validate(request);
        if (!validator.Failed && !await db.Authors.AnyAsync(a => a.Id == request.AuthorId, ct))
        {
            validator.Add("authorId", "No author with this id.");
        }
        if (validator.Failed)
        {
            return validator.Problem();
        }
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (article is null)
        {
            return TypedResults.NotFound();
        }
        var now = clock.GetUtcNow();
        if (request.Slug is { } newSlug && newSlug != article.Slug)
        {
            if (await SlugAllocator.IsTakenAsync(db, newSlug, article.Id, ct))
            {
                throw ContentProblems.SlugTaken();
            }
            // Going back to an earlier slug: that URL is current again, not a redirect.
            if (await db.SlugRedirects.FirstOrDefaultAsync(r => r.OldSlug == newSlug, ct) is { } former)
            {
                db.SlugRedirects.Remove(former);
            }
            db.SlugRedirects.Add(new ArticleSlugRedirect { OldSlug = article.Slug, ArticleId = article.Id, CreatedAt = now });
            article.Slug = newSlug;
        }
        Apply(article, request, now);
        await StaffSaves.SaveAsync(db, ct);
        await cache.EvictArticlesAsync(ct);
        return TypedResults.Ok((await StaffArticleViews.LoadAsync(db, article.Id, ct))!);
    }

    private static void Apply(Article article, ArticleRequest r, DateTimeOffset now)
    {
        article.Title = r.Title!.Trim();
        article.Excerpt = Blank(r.Excerpt);
        article.SetBody(r.BodyMarkdown!);
        article.FeaturedImageUrl = Blank(r.FeaturedImageUrl);
        article.AuthorId = r.AuthorId!.Value;
        article.Tags = ArticleRequestValidation.NormaliseTags(r.Tags);
        article.SeoTitle = Blank(r.SeoTitle);
        article.SeoDescription = Blank(r.SeoDescription);
        article.CallToActionAppointmentType = Blank(r.CallToActionAppointmentType);
        article.CommentsOpen = r.CommentsOpen ?? article.CommentsOpen;
        article.UpdatedAt = now;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
