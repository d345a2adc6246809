namespace CultureHealth.Content.Domain;

/// <summary>A status change the article's state machine refuses; the API answers 409.</summary>
public sealed class ArticleTransitionException(ArticleStatus from, ArticleStatus to, string? reason = null)
    : Exception(reason ?? $"An article cannot go from {from.ToWire()} to {to.ToWire()}.")
{
    public ArticleStatus From { get; } = from;
    public ArticleStatus To { get; } = to;
}
