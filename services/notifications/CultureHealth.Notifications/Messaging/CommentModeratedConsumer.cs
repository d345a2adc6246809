using CultureHealth.Contracts;
using CultureHealth.Messaging.Inbox;
using CultureHealth.Notifications.Composition;
using CultureHealth.Notifications.Data;
using CultureHealth.Notifications.Email;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Notifications.Messaging;

/// <summary>
/// Tracks moderation (so the digest lists only what still waits) and, when a reply is approved, tells
/// the parent comment's author if they opted in. Each reply is announced once, even if re-approved.
/// </summary>
public sealed partial class CommentModeratedConsumer(
    NotificationsDbContext db, TimeProvider clock, ILogger<CommentModeratedConsumer> logger, CommunityEmails emails, Mailer mailer)
    : IdempotentConsumer<CommentModerated, NotificationsDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(CommentModerated m, ConsumeContext<CommentModerated> context, CancellationToken ct)
    {
        var comment = await Db.LockCommentAsync(m.CommentId, ct);
        if (comment is null)
        {
            comment = new KnownComment { CommentId = m.CommentId, ArticleSlug = m.ArticleSlug, ParentId = m.ParentId, SubmittedAt = m.OccurredAt.ToUniversalTime() };
            Db.KnownComments.Add(comment);
        }
        if (comment.StatusAsOf <= m.OccurredAt)
        {
            comment.Status = m.Status;
            comment.StatusAsOf = m.OccurredAt.ToUniversalTime();
        }

        if (m.Status != KnownComment.Approved || m.ParentId is not { } parentId)
        {
            return;
        }
        var parent = await Db.KnownComments.AsNoTracking().FirstOrDefaultAsync(c => c.CommentId == parentId, ct);
        if (parent is not { NotifyOnReply: true, AuthorEmail.Length: > 0 }
            || string.Equals(parent.AuthorEmail, comment.AuthorEmail, StringComparison.OrdinalIgnoreCase))
        {
            return; // no opt-in, no address we know, or they replied to themselves
        }
        var parentEmail = parent.AuthorEmail.ToLowerInvariant();
        if (!await Db.ConfirmedCommenters.AnyAsync(c => c.Email == parentEmail, ct))
        {
            LogUnconfirmed(logger, m.CommentId);
            return; // the opt-in came from whoever typed the address; its owner never confirmed it
        }
        if (await Db.SentMessages.AnyAsync(s => s.Reference == m.CommentId && s.Kind == MessageKinds.CommentReply, ct))
        {
            LogAlreadyAnnounced(logger, m.CommentId);
            return;
        }
        await mailer.SendAsync(m, m.CommentId, MessageKinds.CommentReply, emails.ReplyApproved(parent, comment, m), ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reply {CommentId} not announced: its parent's author never confirmed their address")]
    private static partial void LogUnconfirmed(ILogger logger, Guid commentId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reply {CommentId} was already announced to its parent's author")]
    private static partial void LogAlreadyAnnounced(ILogger logger, Guid commentId);
}
