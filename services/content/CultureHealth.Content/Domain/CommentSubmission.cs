namespace CultureHealth.Content.Domain;

/// <summary>A comment as submitted, plus what the moderator needs to know about its surroundings.</summary>
/// <param name="Depth">1 for a top-level comment, the parent's depth + 1 for a reply.</param>
/// <param name="Honeypot">The hidden "website" field; people never see it, bots fill it in.</param>
/// <param name="KnownCommenter">
/// The address is confirmed by its owner (double opt-in) and has an approved comment anywhere on the site.
/// An approved comment alone proves nothing: anyone can type anyone's address.
/// </param>
/// <param name="RecentBodiesFromSameEmail">This email's bodies on this article within the duplicate window.</param>
public sealed record CommentSubmission(
    string Body,
    int Depth,
    string? Honeypot,
    bool CommentsOpen,
    bool KnownCommenter,
    IReadOnlyCollection<string> RecentBodiesFromSameEmail);
