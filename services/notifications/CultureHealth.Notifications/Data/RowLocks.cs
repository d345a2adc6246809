using CultureHealth.Messaging.Data;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Notifications.Data;

/// <summary>
/// Loads a read-model row locked for the rest of the consumer's transaction. Events about one booking or
/// comment arrive on different queues and may be handled at the same moment; the lock makes the second
/// wait for the first, so it sees the first's decision (and its sent email) instead of racing it.
/// </summary>
public static class RowLocks
{
    public static async Task<ScheduledReminder?> LockReminderAsync(this NotificationsDbContext db, Guid bookingId, CancellationToken ct)
    {
        // A row lock alone cannot serialise two events of a booking whose row does not exist yet (an
        // uncommitted insert is invisible to the other); a transaction-scoped advisory lock on the
        // booking id can, so its events are handled one at a time, each seeing the last one's outcome.
        await db.LockForTransactionAsync(bookingId, ct);
        return (await db.ScheduledReminders.FromSql($"SELECT * FROM scheduled_reminders WHERE booking_id = {bookingId} FOR UPDATE").ToListAsync(ct)).SingleOrDefault();
    }

    public static async Task<KnownComment?> LockCommentAsync(this NotificationsDbContext db, Guid commentId, CancellationToken ct)
    {
        await db.LockForTransactionAsync(commentId, ct);
        return (await db.KnownComments.FromSql($"SELECT * FROM known_comments WHERE comment_id = {commentId} FOR UPDATE").ToListAsync(ct)).SingleOrDefault();
    }
}
