namespace CultureHealth.Notifications.Data;

/// <summary>
/// What this worker knows of a comment, from CommentSubmitted and CommentModerated: enough to tell a
/// parent's author about an approved reply, and to list comments awaiting moderation in the digest.
/// </summary>
public sealed class KnownComment
{
    public Guid CommentId { get; set; }
    public Guid? ParentId { get; set; }
    public string ArticleSlug { get; set; } = "";
    public string ArticleTitle { get; set; } = "";
    public string AuthorName { get; set; } = "";
    public string AuthorEmail { get; set; } = "";
    public bool NotifyOnReply { get; set; }
    public string? Excerpt { get; set; }

    /// <summary>Content's wire status: pending, approved, spam or trash.</summary>
    public string Status { get; set; } = "";

    /// <summary>When <see cref="Status"/> was true, so a late, older event cannot overwrite a newer one.</summary>
    public DateTimeOffset StatusAsOf { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }

    /// <summary>When a moderation digest listed it; each pending comment is listed once.</summary>
    public DateTimeOffset? DigestedAt { get; set; }

    public const string Pending = "pending";
    public const string Approved = "approved";
}
