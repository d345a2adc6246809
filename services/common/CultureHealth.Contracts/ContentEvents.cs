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

/// <summary>
/// An address was used to comment for the first time (or again after the last link lapsed): notifications emails
/// it a "confirm your email" link. <see cref="ConfirmationToken"/> is SEALED with EventSecrets; only content and
/// notifications hold the key. <see cref="Email"/> is lower-cased.
/// </summary>
public record CommenterEmailConfirmationRequested(
    Guid EventId, DateTimeOffset OccurredAt,
    string Email, string AuthorName, string ConfirmationToken, DateTimeOffset ExpiresAt) : IIntegrationEvent;

/// <summary>The owner of <see cref="Email"/> (lower-cased) followed the link: replies to their comments may be emailed to it.</summary>
public record CommenterEmailConfirmed(Guid EventId, DateTimeOffset OccurredAt, string Email) : IIntegrationEvent;
