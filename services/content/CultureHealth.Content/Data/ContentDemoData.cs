using CultureHealth.Content.Domain;
using CultureHealth.Messaging.Data;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Content.Data;

/// <summary>The clinic's launch articles and a few approved comments. Inserts only what is missing.</summary>
internal sealed class ContentDemoData(TimeProvider clock) : IDemoDataSeeder<ContentDbContext>
{
    /// <summary>The same practitioner booking seeds; her profile events later refresh this row.</summary>
    public static readonly Guid AmeliaId = Guid.Parse("6f1c2a60-1d1b-4c38-9d55-0c8f1f0a0001");

    public async Task SeedAsync(ContentDbContext db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (!await db.Authors.AnyAsync(a => a.Id == AmeliaId, cancellationToken))
        {
            db.Authors.Add(new Author
            {
                Id = AmeliaId,
                Name = "Amelia Hart",
                Title = "Specialist MSK Physiotherapist",
                Bio = "Amelia treats runners and desk workers with persistent back pain.",
                Active = true,
                // Older than any real profile event, so booking's first event wins.
                ProfileAsOf = DateTimeOffset.UnixEpoch,
            });
        }

        var existing = (await db.Articles.Select(a => a.Slug).ToListAsync(cancellationToken)).ToHashSet();
        var daysAgo = 0;
        foreach (var seed in ContentDemoArticles.All)
        {
            daysAgo += 9;
            if (existing.Contains(seed.Slug))
            {
                continue;
            }
            var published = now.AddDays(-daysAgo);
            var article = new Article
            {
                Id = seed.Id,
                Slug = seed.Slug,
                Title = seed.Title,
                Excerpt = seed.Excerpt,
                AuthorId = AmeliaId,
                Tags = [.. seed.Tags],
                CallToActionAppointmentType = seed.CallToAction,
                SeoDescription = seed.Excerpt,
                CreatedAt = published,
            };
            article.SetBody(seed.Markdown);
            article.Publish(published);
            db.Articles.Add(article);
            var commentAt = published.AddDays(1);
            foreach (var (name, email, body) in seed.Comments)
            {
                commentAt = commentAt.AddHours(5);
                db.Comments.Add(new Comment
                {
                    Id = Guid.CreateVersion7(commentAt),
                    ArticleId = article.Id,
                    Depth = 1,
                    AuthorName = name,
                    AuthorEmail = email,
                    Body = body,
                    Status = CommentStatus.Approved,
                    ModerationReason = "demo data",
                    CreatedAt = commentAt,
                    ModeratedAt = commentAt,
                    ModeratedBy = "seed",
                });
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
