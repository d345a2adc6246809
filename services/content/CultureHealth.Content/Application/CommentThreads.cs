using CultureHealth.Content.Data;
using CultureHealth.Content.Domain;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Content.Application;

/// <summary>A public comment: no email, body as escaped HTML with line breaks; <paramref name="ByClinic"/> marks the clinic's own replies.</summary>
public sealed record CommentDto(Guid Id, Guid? ParentId, string AuthorName, string BodyHtml, DateTimeOffset CreatedAt, IReadOnlyList<CommentDto> Replies, bool ByClinic = false);

public sealed record CommentThreadDto(int Count, IReadOnlyList<CommentDto> Comments);

/// <summary>The approved comments under a published article, as the public sees them.</summary>
public sealed class CommentThreads(ContentDbContext db)
{
    /// <returns>The thread, or null when no published article has (or had) this slug.</returns>
    public async Task<CommentThreadDto?> ForArticleAsync(string slug, CancellationToken ct)
    {
        var (article, _) = await db.FindPublishedBySlugAsync(slug, ct);
        if (article is null)
        {
            return null;
        }
        var approved = await db.Comments.AsNoTracking()
            .Where(c => c.ArticleId == article.Id && c.Status == CommentStatus.Approved)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .ToListAsync(ct);
        return Build(approved);
    }

    /// <summary>
    /// Nests approved comments under their parents, oldest first. A reply whose parent is no longer
    /// approved is left out with it, so a trashed comment does not leave its replies dangling.
    /// </summary>
    private static CommentThreadDto Build(IReadOnlyList<Comment> approved)
    {
        var children = approved.Where(c => c.ParentId is not null).ToLookup(c => c.ParentId!.Value);
        var count = 0;
        CommentDto ToDto(Comment c)
        {
            count++;
            return new CommentDto(c.Id, c.ParentId, c.AuthorName, PlainText.ToHtml(c.Body), c.CreatedAt,
                children[c.Id].Select(ToDto).ToList(), c.ByClinic);
        }
        var roots = approved.Where(c => c.ParentId is null).Select(ToDto).ToList();
        return new CommentThreadDto(count, roots);
    }
}
