using CultureHealth.Content.Application;
using CultureHealth.ServiceDefaults.Http;
using CultureHealth.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

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
        var validator = new RequestValidator().Optional("q", q, MaxQueryLength).Optional("tag", tag, 60);
        var paging = PagingQuery.From(page, pageSize, services.Options.Value, validator);
        if (validator.Failed)
        {
            return validator.Problem();
        }
        var normalisedTag = string.IsNullOrWhiteSpace(tag) ? null : tag.Trim().ToLowerInvariant();
        return TypedResults.Ok(await services.Articles.ListAsync(normalisedTag, q, author, paging, ct));
    }

    private static async Task<Results<Ok<ArticleDto>, RedirectHttpResult, NotFound>> GetAsync(
        string slug, PublicArticles articles, CancellationToken ct)
    {
        if (await articles.FindAsync(slug, ct) is not { } found)
        {
            return TypedResults.NotFound();
        }
        return found.Moved
            ? TypedResults.Redirect($"/api/content/articles/{found.Article.Slug}", permanent: true)
            : TypedResults.Ok(found.Article);
    }

    private static async Task<Ok<List<TagDto>>> TagsAsync(PublicArticles articles, CancellationToken ct) =>
        TypedResults.Ok(await articles.TagsAsync(ct));
}
