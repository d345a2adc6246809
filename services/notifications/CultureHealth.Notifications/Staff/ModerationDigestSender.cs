using CultureHealth.Messaging.Data;
using CultureHealth.Notifications.Composition;
using CultureHealth.Notifications.Data;
using CultureHealth.Notifications.Email;
using CultureHealth.ServiceDefaults.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CultureHealth.Notifications.Staff;

/// <summary>
/// Emails staff a digest of comments newly awaiting moderation: at most one per interval across all
/// replicas, and only when there is something new. It looks ten times per interval so a comment waits
/// at most about one interval; an advisory lock makes replicas take turns at deciding.
/// </summary>
public sealed partial class ModerationDigestSender(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<NotificationsOptions> options, ILogger<ModerationDigestSender> logger) : PeriodicBackgroundService(clock)
{
    private const int MaxListed = 100;

    // Any constant works; it only has to be the same in every replica and unused elsewhere in this database.
    private const long DigestLockKey = 0x4E6F74_44696765;

    // Asks ten times an interval whether a digest is due, so one goes out at most a tenth of an interval late.
    protected override TimeSpan Interval => TimeSpan.FromTicks(Math.Max(options.Value.ModerationDigestInterval.Ticks / 10, TimeSpan.FromMilliseconds(50).Ticks));

    protected override Task RunRoundAsync(CancellationToken cancellationToken) => SendIfDueAsync(cancellationToken);

    public async Task<bool> SendIfDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.LockForTransactionAsync(DigestLockKey, ct);

        var now = Clock.GetUtcNow();
        var last = await db.SentMessages.Where(s => s.Kind == MessageKinds.ModerationDigest).MaxAsync(s => (DateTimeOffset?)s.SentAt, ct);
        if (last is { } previous && now - previous < options.Value.ModerationDigestInterval)
        {
            return false;
        }
        var pending = await db.KnownComments
            .Where(c => c.Status == KnownComment.Pending && c.DigestedAt == null)
            .OrderBy(c => c.SubmittedAt).Take(MaxListed).ToListAsync(ct);
        if (pending.Count == 0)
        {
            return false;
        }

        foreach (var comment in pending)
        {
            comment.DigestedAt = now;
        }
        var email = scope.ServiceProvider.GetRequiredService<CommunityEmails>().ModerationDigest(pending);
        await scope.ServiceProvider.GetRequiredService<Mailer>().SendScheduledAsync(Guid.CreateVersion7(), null, MessageKinds.ModerationDigest, email, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        LogSent(logger, pending.Count);
        return true;
    }

    protected override void OnRoundFailed(Exception exception) => LogFailed(logger, exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent the moderation digest listing {Count} comment(s)")]
    private static partial void LogSent(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The moderation digest failed; retrying on the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
