using CultureHealth.Content.Domain;
using CultureHealth.Contracts;

namespace CultureHealth.Content.Application;

internal static class ArticleEvents
{
    public static ArticlePublished Published(Article article, DateTimeOffset now) =>
        new(Guid.NewGuid(), now, article.Id, article.Slug, article.Title, article.PublishedAt ?? now, article.Tags.ToList());
}
