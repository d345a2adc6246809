namespace CultureHealth.Content.Api;

/// <param name="Website">A honeypot: hidden from people by the storefront, so only bots fill it in.</param>
/// <summary><paramref name="NotifyOnReply"/>: email the author when a reply to this comment is published (opt-in).</summary>
public sealed record SubmitCommentRequest(string? AuthorName, string? AuthorEmail, string? Body, Guid? ParentId, string? Website, bool? NotifyOnReply = null);

public sealed record CommentAcceptedDto(Guid Id, string Status, string Message);
