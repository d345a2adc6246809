namespace CultureHealth.Content.Domain;

public sealed class Comment
{
    /// <summary>The longest name a commenter may give (the column's length).</summary>
    public const int MaxNameLength = 80;

    public Guid Id { get; init; }
    public Guid ArticleId { get; init; }
    public Guid? ParentId { get; init; }
    /// <summary>1 for a top-level comment, parent's depth + 1 for a reply.</summary>
    public int Depth { get; init; }
    public string AuthorName { get; init; } = "";
    /// <summary>Lower-cased; staff see it, the public never does.</summary>
    public string AuthorEmail { get; init; } = "";
    /// <summary>Plain text as typed; escaped whenever it is rendered.</summary>
    public string Body { get; init; } = "";
    public CommentStatus Status { get; set; }
    /// <summary>Why the rules chose the initial status (e.g. "first-time commenter"), for moderators.</summary>
    public string? ModerationReason { get; set; }
    /// <summary>A salted hash, enough to spot one source of abuse without keeping the address.</summary>
    public string? IpHash { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ModeratedAt { get; set; }
    public string? ModeratedBy { get; set; }
    /// <summary>
    /// Written by staff as the clinic (a reply from the back office): the site marks it as the clinic's, which a
    /// visitor cannot do by calling themselves by the clinic's name.
    /// </summary>
    public bool ByClinic { get; init; }
}
