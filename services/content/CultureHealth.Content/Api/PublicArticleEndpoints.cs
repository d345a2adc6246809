using CultureHealth.Content.Application;
using CultureHealth.Content.Data;
using CultureHealth.ServiceDefaults.Http;
using CultureHealth.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CultureHealth.Content.Api;

public static class PublicArticleEndpoints
{
    private const int MaxQueryLength = 200;

    public static IEndpointRouteBuilder MapPublicArticleApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/content").WithTags("Articles").CacheOutput(ContentCache.ArticlesPolicy);
        group.MapGet("/articles", ListAsync).WithEntityTag();
        group.MapGet("/articles/{slug}", GetAsync).WithEntityTag();
        group.MapGet("/tags", TagsAsync);
        return app;
    }

    private static async Task<Results<Ok<PageDto<ArticleSummaryDto>>, ValidationProblem>> ListAsync(
        int? page, int? pageSize, string? tag, string? q, Guid? author, [AsParameters] ContentServices services, CancellationToken ct)
    {
        var (db, options) = (services.Db, services.Options);
        var validator = new RequestValidator().Optional("q", q, MaxQueryLength).Optional("tag", tag, 60);
        var paging = Paging.From(page, pageSize, options.Value, validator);
        if (validator.Failed)
        {
            return validator.Problem();
        }

        var normalisedTag = string.IsNullOrWhiteSpace(tag) ? null : tag.Trim().ToLowerInvariant();
        if (!string.IsNullOrWhiteSpace(q))
        {
            return TypedResults.Ok(await ArticleSearch.SearchAsync(db, q, normalisedTag, paging, ct));
        }

        var articles = db.Published();
        if (normalisedTag is not null)
        {
            articles = articles.Where(a => a.Tags.Contains(normalisedTag));
        }
        if (author is { } authorId)
        {
            articles = articles.Where(a => a.AuthorId == authorId);
        }

        var ordered = articles.OrderByDescending(a => a.PublishedAt);
        var total = await ordered.CountAsync(ct);
        var items = await ordered.ThenBy(a => a.Id).Skip(paging.Skip).Take(paging.PageSize).ToSummaries().ToListAsync(ct);
        return TypedResults.Ok(new PageDto<ArticleSummaryDto>(items, paging.Page, paging.PageSize, total));
    }

    private static async Task<Results<Ok<ArticleDto>, RedirectHttpResult, NotFound>> GetAsync(
        string slug, ContentDbContext db, CancellationToken ct)
    {
        var (article, moved) = await db.FindPublishedBySlugAsync(slug, ct);
        if (article is null)
        {
            return TypedResults.NotFound();
        }
        return moved
            ? TypedResults.Redirect($"/api/content/articles/{article.Slug}", permanent: true)
            : TypedResults.Ok(article.ToDto());
    }

    private static async Task<Ok<List<TagDto>>> TagsAsync(ContentDbContext db, CancellationToken ct)
    {
        // unnest has no LINQ form over a grouped array column; the column names follow the snake_case convention.
        var rows = await db.Database.SqlQuery<TagCount>($"""
            SELECT tag AS name, count(*)::int AS article_count
            FROM articles, unnest(tags) AS tag
            WHERE status = 'published'
            GROUP BY tag
            """).ToListAsync(ct);
        return TypedResults.Ok(rows.OrderByDescending(t => t.ArticleCount).ThenBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => new TagDto(t.Name, t.ArticleCount)).ToList());
    }

    private sealed class TagCount
    {
        public string Name { get; set; } = "";
        public int ArticleCount { get; set; }
    }
}
