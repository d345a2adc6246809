using CultureHealth.Content.Data;
using CultureHealth.Content.Domain;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Content.Application;

/// <summary>
/// Full-text search over published articles, ranked with title matches above body matches (the weights in
/// the search_vector column). One statement ranks and counts the matches together (count(*) OVER ()):
/// ranking already visits every match, so a separate COUNT would only read them all a second time.
/// </summary>
internal static class ArticleSearch
{
    public static async Task<PageDto<ArticleSummaryDto>> SearchAsync(
        ContentDbContext db, string query, string? tag, Paging paging, CancellationToken ct)
    {
        string[] tags = tag is null ? [] : [tag];
        var published = ArticleStatus.Published.ToWire();
        // websearch_to_tsquery accepts anything a person types (quotes, "or", "-word") without syntax errors.
        var hits = await db.Database.SqlQuery<SearchHit>($"""
            SELECT a.slug AS "Slug", count(*) OVER () AS "Total"
            FROM articles a, websearch_to_tsquery('english', {query}) q
            WHERE a.status = {published} AND a.search_vector @@ q AND (cardinality({tags}) = 0 OR a.tags @> {tags})
            ORDER BY ts_rank(a.search_vector, q) DESC, a.published_at DESC, a.id
            OFFSET {paging.Skip} LIMIT {paging.PageSize}
            """).ToListAsync(ct);

        var total = hits.Count > 0 ? hits[0].Total : paging.Skip == 0 ? 0 : await CountAsync(db, query, tags, published, ct);
        var slugs = hits.Select(h => h.Slug).ToList();
        var summaries = await db.Published().Where(a => slugs.Contains(a.Slug)).ToSummaries().ToListAsync(ct);
        var bySlug = summaries.ToDictionary(s => s.Slug, StringComparer.Ordinal);
        // An article unpublished between the two statements is simply left out of this page.
        var snippets = await SnippetsAsync(db, query, slugs, ct);
        var items = slugs.Where(bySlug.ContainsKey)
            .Select(slug => bySlug[slug] with { SnippetHtml = snippets.TryGetValue(slug, out var snippet) ? snippet : null })
            .ToList();
        return new PageDto<ArticleSummaryDto>(items, paging.Page, paging.PageSize, (int)total);
    }

    /// <summary>
    /// The matching passages of this page's articles only (ts_headline re-parses each document, so never for
    /// every match): excerpt and body, with the matched words marked.
    /// </summary>
    private static async Task<Dictionary<string, string>> SnippetsAsync(ContentDbContext db, string query, List<string> slugs, CancellationToken ct)
    {
        if (slugs.Count == 0)
        {
            return [];
        }
        var options = SearchSnippet.HeadlineOptions;
        var rows = await db.Database.SqlQuery<Headline>($"""
            SELECT a.slug AS "Slug", ts_headline('english', coalesce(a.excerpt, '') || E'\n' || a.body_markdown, q, {options}) AS "Text"
            FROM articles a, websearch_to_tsquery('english', {query}) q
            WHERE a.slug = ANY({slugs.ToArray()})
            """).ToListAsync(ct);
        return rows.ToDictionary(r => r.Slug, r => SearchSnippet.ToHtml(r.Text), StringComparer.Ordinal);
    }

    private sealed record Headline(string Slug, string Text);

    /// <summary>Only for a page past the last match, where the ranked statement returns no row to carry the total.</summary>
    private static async Task<long> CountAsync(ContentDbContext db, string query, string[] tags, string published, CancellationToken ct) =>
        await db.Database.SqlQuery<long>($"""
            SELECT count(*) AS "Value"
            FROM articles a, websearch_to_tsquery('english', {query}) q
            WHERE a.status = {published} AND a.search_vector @@ q AND (cardinality({tags}) = 0 OR a.tags @> {tags})
            """).SingleAsync(ct);

    private sealed record SearchHit(string Slug, long Total);
}
