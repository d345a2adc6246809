using System.ComponentModel;

namespace CultureHealth.Storefront.Api;

// The content API's JSON (camelCase), as the website reads it. Immutable, so the cache can hand one instance to every visitor.

[ImmutableObject(true)]
public sealed record AuthorSummary(Guid Id, string Name, string Title, string? PhotoUrl);

[ImmutableObject(true)]
public sealed record Author(Guid Id, string Name, string Title, string? Bio, string? PhotoUrl);

[ImmutableObject(true)]
public sealed record ArticleSummary(
    string Slug, string Title, string? Excerpt, string? FeaturedImageUrl, IReadOnlyList<string> Tags,
    int ReadingTimeMinutes, DateTimeOffset PublishedAt, AuthorSummary Author, string? SnippetHtml = null);

[ImmutableObject(true)]
public sealed record CallToAction(string AppointmentTypeCode, string BookingPath);

[ImmutableObject(true)]
public sealed record Article(
    Guid Id, string Slug, string Title, string? Excerpt, string BodyHtml, string? FeaturedImageUrl,
    IReadOnlyList<string> Tags, int ReadingTimeMinutes, string SeoTitle, string? SeoDescription,
    CallToAction? CallToAction, DateTimeOffset PublishedAt, DateTimeOffset UpdatedAt, bool CommentsOpen, Author Author);

[ImmutableObject(true)]
public sealed record PageOf<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount)
{
    public int TotalPages => PageSize <= 0 ? 0 : (TotalCount + PageSize - 1) / PageSize;
}

[ImmutableObject(true)]
public sealed record Tag(string Name, int ArticleCount);

[ImmutableObject(true)]
/// <summary><paramref name="ByClinic"/>: a reply staff wrote as the clinic, shown with a "Clinic team" badge.</summary>
public sealed record Comment(Guid Id, Guid? ParentId, string AuthorName, string BodyHtml, DateTimeOffset CreatedAt, IReadOnlyList<Comment> Replies, bool ByClinic = false);

[ImmutableObject(true)]
public sealed record CommentThread(int Count, IReadOnlyList<Comment> Comments);

/// <summary>What a visitor typed into "Post A Comment".</summary>
public sealed record CommentSubmission(string? AuthorName, string? AuthorEmail, string? Body, Guid? ParentId, string? Website, bool NotifyOnReply);

public enum CommentOutcome { Published, AwaitingModeration, Invalid, Refused, TooMany, NotFound, Unavailable }

/// <summary>The API's answer to a comment: a status and message, field errors, or a refusal's reason.</summary>
public sealed record CommentResult(CommentOutcome Outcome, string? Message = null, ApiProblem? Problem = null);
