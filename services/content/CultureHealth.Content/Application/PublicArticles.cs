using CultureHealth.Content.Data;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Content.Application;

/// <param name="Moved">Found by a slug the article used to have: the caller redirects to <c>Article.Slug</c>.</param>
public sealed record FoundArticle(ArticleDto Article, bool Moved);

/// <summary>What the public reads: published articles, listed, searched, by slug, and their tags.</summary>
public sealed class PublicArticles(ContentDbContext db)
{
    /// <param name="tag">Lower-case, or null for every tag.</param>
    /// <param name="query">Words to search for (ranked by relevance), or null for the newest first.</param>
    public async Task<PageDto<ArticleSummaryDto>> ListAsync(string? tag, string? query, Guid? author, Paging paging, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(query))
        {
            return await ArticleSearch.SearchAsync(db, query, tag, paging, ct);
        }

        var articles = db.Published();
        if (tag is not null)
        {
            articles = articles.Where(a => a.Tags.Contains(tag));
        }
        if (author is { } authorId)
        {
            articles = articles.Where(a => a.AuthorId == authorId);
        }

        var ordered = articles.OrderByDescending(a => a.PublishedAt);
        var total = await ordered.CountAsync(ct);
        var items = await ordered.ThenBy(a => a.Id).Skip(paging.Skip).Take(paging.PageSize).ToSummaries().ToListAsync(ct);
        return new PageDto<ArticleSummaryDto>(items, paging.Page, paging.PageSize, total);
    }

    /// <returns>The published article with this slug or one it used to have; null when there is none.</returns>
    public async Task<FoundArticle?> FindAsync(string slug, CancellationToken ct)
    {
        var (article, moved) = await db.FindPublishedBySlugAsync(slug, ct);
        return article is null ? null : new FoundArticle(article.ToDto(), moved);
    }

    public async Task<List<TagDto>> TagsAsync(CancellationToken ct)
    {
        // unnest has no LINQ form over a grouped array column; the column names follow the snake_case convention.
        var rows = await db.Database.SqlQuery<TagCount>($"""
            SELECT tag AS name, count(*)::int AS article_count
            FROM articles, unnest(tags) AS tag
            WHERE status = 'published'
            GROUP BY tag
            """).ToListAsync(ct);
        return rows.OrderByDescending(t => t.ArticleCount).ThenBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => new TagDto(t.Name, t.ArticleCount)).ToList();
    }

    private sealed class TagCount
    {
        public string Name { get; set; } = "";
        public int ArticleCount { get; set; }
    }
}
