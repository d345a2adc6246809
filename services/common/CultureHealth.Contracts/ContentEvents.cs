namespace CultureHealth.Contracts;

public record ArticlePublished(
    Guid EventId, DateTimeOffset OccurredAt,
    Guid ArticleId, string Slug, string Title, DateTimeOffset PublishedAt,
    IReadOnlyList<string>? Tags = null) : IIntegrationEvent;

/// <summary><see cref="NotifyOnReply"/>: the author asked to be emailed when a reply to this comment is approved.</summary>
public record CommentSubmitted(
    Guid EventId, DateTimeOffset OccurredAt,
    Guid CommentId, Guid ArticleId, string ArticleSlug, string ArticleTitle,
    string AuthorName, string AuthorEmail, string Status, Guid? ParentId = null,
    string? Excerpt = null, bool NotifyOnReply = false) : IIntegrationEvent;

public record CommentModerated(
    Guid EventId, DateTimeOffset OccurredAt,
    Guid CommentId, Guid ArticleId, string ArticleSlug, string PreviousStatus, string Status,
    string? ModeratedBy = null, Guid? ParentId = null) : IIntegrationEvent;
