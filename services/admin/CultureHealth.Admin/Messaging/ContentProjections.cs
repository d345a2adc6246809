using CultureHealth.Admin.Dashboard;
using CultureHealth.Admin.Data;
using CultureHealth.Contracts;
using CultureHealth.Messaging.Inbox;
using MassTransit;

namespace CultureHealth.Admin.Messaging;

public sealed class CommentSubmittedProjection(AdminDbContext db, TimeProvider clock, ILogger<CommentSubmittedProjection> logger)
    : IdempotentConsumer<CommentSubmitted, AdminDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(CommentSubmitted m, ConsumeContext<CommentSubmitted> context, CancellationToken ct)
    {
        var row = await Db.DashboardComments.FindAsync([m.CommentId], ct);
        if (row is null)
        {
            Db.DashboardComments.Add(row = new DashboardComment { CommentId = m.CommentId, Status = m.Status, StatusAsOf = m.OccurredAt });
        }
        row.ArticleSlug = m.ArticleSlug;
        row.ArticleTitle = m.ArticleTitle;
        row.AuthorName = m.AuthorName;
        row.Excerpt = m.Excerpt;
        row.SubmittedAt = m.OccurredAt;
    }
}

public sealed class CommentModeratedProjection(AdminDbContext db, TimeProvider clock, ILogger<CommentModeratedProjection> logger)
    : IdempotentConsumer<CommentModerated, AdminDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(CommentModerated m, ConsumeContext<CommentModerated> context, CancellationToken ct)
    {
        var row = await Db.DashboardComments.FindAsync([m.CommentId], ct);
        if (row is null)
        {
            Db.DashboardComments.Add(row = new DashboardComment { CommentId = m.CommentId, ArticleSlug = m.ArticleSlug, SubmittedAt = m.OccurredAt });
        }
        else if (row.StatusAsOf > m.OccurredAt)
        {
            return;
        }
        row.Status = m.Status;
        row.StatusAsOf = m.OccurredAt;
    }
}
