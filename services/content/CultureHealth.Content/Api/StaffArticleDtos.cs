namespace CultureHealth.Content.Api;

/// <summary>Create or replace an article's content. A missing slug keeps the current one (or is made from the title).</summary>
public sealed record ArticleRequest(
    string? Title, string? Slug, string? Excerpt, string? BodyMarkdown, string? FeaturedImageUrl, Guid? AuthorId,
    IReadOnlyList<string>? Tags, string? SeoTitle, string? SeoDescription, string? CallToActionAppointmentType, bool? CommentsOpen);

public sealed record ScheduleRequest(DateTimeOffset? PublishAt);

public sealed record PreviewRequest(string? BodyMarkdown);

public sealed record PreviewDto(string BodyHtml);

public sealed record StaffArticleDto(
    Guid Id, string Slug, string Title, string? Excerpt, string BodyMarkdown, string BodyHtml, string? FeaturedImageUrl,
    Guid AuthorId, string AuthorName, IReadOnlyList<string> Tags, int ReadingTimeMinutes, string? SeoTitle, string? SeoDescription,
    string? CallToActionAppointmentType, string Status, DateTimeOffset? PublishAt, DateTimeOffset? PublishedAt,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, bool CommentsOpen, IReadOnlyList<string> OldSlugs);

public sealed record StaffArticleSummaryDto(
    Guid Id, string Slug, string Title, string Status, DateTimeOffset? PublishAt, DateTimeOffset? PublishedAt,
    DateTimeOffset UpdatedAt, string AuthorName, bool CommentsOpen, int PendingComments);

public sealed record ModerationCommentDto(
    Guid Id, Guid ArticleId, string ArticleSlug, string ArticleTitle, Guid? ParentId, string AuthorName, string AuthorEmail,
    string Body, string BodyHtml, string Status, string? ModerationReason, string? IpHash, DateTimeOffset CreatedAt,
    DateTimeOffset? ModeratedAt, string? ModeratedBy);

public sealed record BulkModerationRequest(IReadOnlyList<Guid>? Ids, string? Status);

