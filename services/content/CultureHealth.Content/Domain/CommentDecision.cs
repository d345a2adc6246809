namespace CultureHealth.Content.Domain;

public enum CommentRefusal
{
    None,
    CommentsClosed,
    TooDeep,
    Duplicate,
}

/// <summary>What happens to a submitted comment: refused, or stored with a status and the reason for it.</summary>
public sealed record CommentDecision(CommentStatus Status, string Reason, CommentRefusal Refusal = CommentRefusal.None)
{
    public bool Accepted => Refusal == CommentRefusal.None;

    /// <summary>
    /// Honeypot spam is stored (a moderator can rescue a human whose browser autofilled the trap) but the
    /// bot is told what any first-timer is told, so it learns nothing about the trap.
    /// </summary>
    public bool IsSilentSpam => Accepted && Status == CommentStatus.Spam;

    /// <summary>The status the submitter is told.</summary>
    public CommentStatus StatusShownToSubmitter => IsSilentSpam ? CommentStatus.Pending : Status;

    public static CommentDecision Refused(CommentRefusal refusal, string reason) => new(CommentStatus.Trash, reason, refusal);
}
