namespace CultureHealth.Content.Domain;

/// <summary>A slug an article used to have; links to it answer 301 to the current slug.</summary>
public sealed class ArticleSlugRedirect
{
    public string OldSlug { get; init; } = "";
    public Guid ArticleId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
