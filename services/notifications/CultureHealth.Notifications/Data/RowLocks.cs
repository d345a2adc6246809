using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Notifications.Data;

/// <summary>
/// Loads a read-model row locked for the rest of the consumer's transaction. Events about one booking or
/// comment arrive on different queues and may be handled at the same moment; the lock makes the second
/// wait for the first, so it sees the first's decision (and its sent email) instead of racing it.
/// </summary>
public static class RowLocks
{
    public static async Task<ScheduledReminder?> LockReminderAsync(this NotificationsDbContext db, Guid bookingId, CancellationToken ct) =>
        (await db.ScheduledReminders.FromSql($"SELECT * FROM scheduled_reminders WHERE booking_id = {bookingId} FOR UPDATE").ToListAsync(ct)).SingleOrDefault();

    public static async Task<KnownComment?> LockCommentAsync(this NotificationsDbContext db, Guid commentId, CancellationToken ct) =>
        (await db.KnownComments.FromSql($"SELECT * FROM known_comments WHERE comment_id = {commentId} FOR UPDATE").ToListAsync(ct)).SingleOrDefault();
}
