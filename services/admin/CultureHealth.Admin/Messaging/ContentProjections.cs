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
        var row = await ProjectionRows.FindOrAddAsync(Db.DashboardComments, m.CommentId,
            () => new DashboardComment { CommentId = m.CommentId, Status = m.Status, StatusAsOf = m.OccurredAt }, ct);
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
        if (await ProjectionRows.FindOrAddUnlessNewerAsync(Db.DashboardComments, m.CommentId,
                () => new DashboardComment { CommentId = m.CommentId, ArticleSlug = m.ArticleSlug, SubmittedAt = m.OccurredAt },
                r => r.StatusAsOf, m.OccurredAt, ct) is not { } row)
        {
            return;
        }
        row.Status = m.Status;
        row.StatusAsOf = m.OccurredAt;
    }
}
