namespace CultureHealth.Content.Domain;

/// <summary>The tunable limits of comment moderation (bound from the "Content" options).</summary>
public sealed record CommentPolicy
{
    /// <summary>A comment with more links than this waits for a moderator.</summary>
    public int MaxLinks { get; init; } = 2;
    /// <summary>Words or phrases (case-insensitive, whole words) that hold a comment for a moderator.</summary>
    public IReadOnlyCollection<string> BlockedWords { get; init; } = [];
    /// <summary>1 = no replies; 3 = a reply to a reply.</summary>
    public int MaxDepth { get; init; } = 3;
    /// <summary>The same text from the same email on the same article within this window is a duplicate.</summary>
    public TimeSpan DuplicateWindow { get; init; } = TimeSpan.FromDays(1);
}
