using CultureHealth.Contracts;
using CultureHealth.Messaging.Inbox;
using CultureHealth.Notifications.Data;
using MassTransit;

namespace CultureHealth.Notifications.Messaging;

/// <summary>Remembers who wrote each comment (and whether they want replies) and queues pending ones for the staff digest.</summary>
public sealed class CommentSubmittedConsumer(NotificationsDbContext db, TimeProvider clock, ILogger<CommentSubmittedConsumer> logger)
    : IdempotentConsumer<CommentSubmitted, NotificationsDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(CommentSubmitted m, ConsumeContext<CommentSubmitted> context, CancellationToken ct)
    {
        var comment = await Db.LockCommentAsync(m.CommentId, ct);
        if (comment is null)
        {
            comment = new KnownComment { CommentId = m.CommentId };
            Db.KnownComments.Add(comment);
        }
        comment.ParentId = m.ParentId;
        comment.ArticleSlug = m.ArticleSlug;
        comment.ArticleTitle = m.ArticleTitle;
        comment.AuthorName = m.AuthorName;
        comment.AuthorEmail = m.AuthorEmail;
        comment.NotifyOnReply = m.NotifyOnReply;
        comment.Excerpt = m.Excerpt;
        comment.SubmittedAt = m.OccurredAt.ToUniversalTime();
        // A moderation decision that overtook this event is newer and stands.
        if (comment.Status.Length == 0 || comment.StatusAsOf <= m.OccurredAt)
        {
            comment.Status = m.Status;
            comment.StatusAsOf = m.OccurredAt.ToUniversalTime();
        }
    }
}
