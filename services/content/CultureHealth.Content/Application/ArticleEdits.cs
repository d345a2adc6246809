using CultureHealth.Content.Data;
using CultureHealth.Content.Domain;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Content.Application;

/// <summary>Create or replace an article's content. A missing slug keeps the current one (or is made from the title).</summary>
public sealed record ArticleRequest(
    string? Title, string? Slug, string? Excerpt, string? BodyMarkdown, string? FeaturedImageUrl, Guid? AuthorId,
    IReadOnlyList<string>? Tags, string? SeoTitle, string? SeoDescription, string? CallToActionAppointmentType, bool? CommentsOpen);

/// <summary>
/// Editors writing an article's content. Slugs stay unique across current and old slugs (<see cref="SlugAllocator"/>);
/// a changed slug leaves a redirect behind, and a change to a live article evicts the cached pages.
/// </summary>
public sealed class ArticleEdits(ContentDbContext db, StaffArticleViews views, TimeProvider clock, IOutputCacheStore cache)
{
    /// <param name="request">Passed the endpoint's checks on its shape (fields present, within their lengths).</param>
    public async Task<StaffArticleDto> CreateAsync(ArticleRequest request, CancellationToken ct)
    {
        await RequireAuthorAsync(request, ct);
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
        return (await views.GetAsync(article.Id, ct))!;
    }

    /// <param name="request">Passed the endpoint's checks on its shape (fields present, within their lengths).</param>
    /// <returns>The article as it now is, or null when there is no such article.</returns>
    public async Task<StaffArticleDto?> UpdateAsync(Guid id, ArticleRequest request, CancellationToken ct)
    {
        await RequireAuthorAsync(request, ct);
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (article is null)
        {
            return null;
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
        return (await views.GetAsync(article.Id, ct))!;
    }

    private async Task RequireAuthorAsync(ArticleRequest request, CancellationToken ct)
    {
        if (!await db.Authors.AnyAsync(a => a.Id == request.AuthorId, ct))
        {
            throw ContentProblems.UnknownAuthor();
        }
    }

    private static void Apply(Article article, ArticleRequest r, DateTimeOffset now)
    {
        article.Title = r.Title!.Trim();
        article.Excerpt = Blank(r.Excerpt);
        article.SetBody(r.BodyMarkdown!);
        article.FeaturedImageUrl = Blank(r.FeaturedImageUrl);
        article.AuthorId = r.AuthorId!.Value;
        article.Tags = NormaliseTags(r.Tags);
        article.SeoTitle = Blank(r.SeoTitle);
        article.SeoDescription = Blank(r.SeoDescription);
        article.CallToActionAppointmentType = Blank(r.CallToActionAppointmentType);
        article.CommentsOpen = r.CommentsOpen ?? article.CommentsOpen;
        article.UpdatedAt = now;
    }

    /// <summary>"Back Pain" and "back-pain" are one tag.</summary>
    private static List<string> NormaliseTags(IReadOnlyList<string>? tags) =>
        (tags ?? []).Select(t => SlugGenerator.FromTitle(t, 40)).Where(t => t.Length > 0).Distinct().ToList();

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
