namespace CultureHealth.Contracts;

public record ArticlePublished(
    Guid EventId, DateTimeOffset OccurredAt,
    Guid ArticleId, string Slug, string Title, DateTimeOffset PublishedAt,
    IReadOnlyList<string>? Tags = null) : IIntegrationEvent;

public record CommentSubmitted(
    Guid EventId, DateTimeOffset OccurredAt,
    Guid CommentId, Guid ArticleId, string ArticleSlug, string ArticleTitle,
    string AuthorName, string AuthorEmail, string Status, Guid? ParentId = null,
    string? Excerpt = null) : IIntegrationEvent;

public record CommentModerated(
    Guid EventId, DateTimeOffset OccurredAt,
    Guid CommentId, Guid ArticleId, string ArticleSlug, string PreviousStatus, string Status,
    string? ModeratedBy = null, Guid? ParentId = null) : IIntegrationEvent;
