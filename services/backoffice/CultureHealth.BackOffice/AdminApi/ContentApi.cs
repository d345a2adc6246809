namespace CultureHealth.BackOffice.AdminApi;

// Content's staff API as admin forwards it (/api/admin/content/... → content's /manage/content/...). Only the fields the pages use.

public sealed record ResultPage<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount)
{
    public int Pages => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
}

/// <summary>A comment in the moderation queue, with the reason content's filter held it (null when every comment is held).</summary>
public sealed record HeldComment(
    Guid Id, string ArticleSlug, string ArticleTitle, Guid? ParentId, string AuthorName, string Body, string Status,
    string? ModerationReason, DateTimeOffset CreatedAt, DateTimeOffset? ModeratedAt, string? ModeratedBy);

public sealed record ModerationResult(int Changed, IReadOnlyList<Guid> NotFound);

/// <summary>Content's moderation decisions, by their wire names.</summary>
public static class CommentDecisions
{
    public static readonly IReadOnlyList<string> Queues = ["pending", "approved", "spam", "trash"];

    /// <summary>What each decision is called on a button, and the confirmation shown after it.</summary>
    public static readonly IReadOnlyDictionary<string, (string Button, string Notice)> All = new Dictionary<string, (string, string)>
    {
        ["approved"] = ("Approve", "comments-approved"),
        ["spam"] = ("Spam", "comments-spam"),
        ["trash"] = ("Trash", "comments-trash"),
        ["pending"] = ("Back to the queue", "comments-pending"),
    };
}

public sealed record ArticleSummary(
    Guid Id, string Slug, string Title, string Status, DateTimeOffset? PublishAt, DateTimeOffset? PublishedAt,
    DateTimeOffset UpdatedAt, string AuthorName, int PendingComments);

/// <summary>An article as editors edit it. The fields the editor does not show are sent back unchanged on save.</summary>
public sealed record Article(
    Guid Id, string Slug, string Title, string? Excerpt, string BodyMarkdown, string BodyHtml, string? FeaturedImageUrl,
    Guid AuthorId, IReadOnlyList<string> Tags, string? SeoTitle, string? SeoDescription, string? CallToActionAppointmentType,
    string Status, DateTimeOffset? PublishAt, DateTimeOffset? PublishedAt, bool CommentsOpen, IReadOnlyList<string> OldSlugs);

public sealed record Author(Guid Id, string Name);

public sealed record Preview(string BodyHtml);

public static class ArticleStatuses
{
    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        ["draft"] = "Drafts", ["scheduled"] = "Scheduled", ["published"] = "Published", ["archived"] = "Archived",
    };
}
