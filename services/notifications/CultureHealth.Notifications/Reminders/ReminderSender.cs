using CultureHealth.Notifications.Composition;
using CultureHealth.Notifications.Data;
using CultureHealth.Notifications.Email;
using CultureHealth.ServiceDefaults.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CultureHealth.Notifications.Reminders;

/// <summary>
/// Sends each confirmed appointment's reminder once it is within the lead time. Every replica runs it;
/// a conditional UPDATE claims each reminder, so exactly one replica sends it. The claim and the sent-message
/// row commit only after the email went, so a failed send is tried again on the next tick.
/// </summary>
public sealed partial class ReminderSender(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<NotificationsOptions> options, ILogger<ReminderSender> logger) : PeriodicBackgroundService(clock)
{
    private const int Batch = 50;

    protected override TimeSpan Interval => options.Value.ReminderPollInterval;

    protected override Task RunRoundAsync(CancellationToken cancellationToken) => SendDueAsync(cancellationToken);

    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var now = Clock.GetUtcNow();
        var horizon = now + options.Value.ReminderLeadTime;
        List<Guid> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
            due = await db.ScheduledReminders.AsNoTracking()
                .Where(r => r.SentAt == null && !r.Cancelled && r.Start > now && r.Start <= horizon)
                .OrderBy(r => r.Start).Select(r => r.BookingId).Take(Batch).ToListAsync(ct);
        }

        var sent = 0;
        foreach (var bookingId in due)
        {
            try
            {
                if (await SendOneAsync(bookingId, now, ct))
                {
                    sent++;
                }
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                // One undeliverable reminder must not hold up the others; it stays unclaimed for the next tick.
                LogSendFailed(logger, bookingId, e);
            }
        }
        return sent;
    }

    private async Task<bool> SendOneAsync(Guid bookingId, DateTimeOffset now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // A replica that loses the race blocks on the row lock, then finds the reminder already claimed.
        var claimed = await db.ScheduledReminders
            .Where(r => r.BookingId == bookingId && r.SentAt == null && !r.Cancelled && r.Start > now)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.SentAt, now), ct);
        if (claimed == 0)
        {
            return false;
        }

        var r = await db.ScheduledReminders.AsNoTracking().SingleAsync(x => x.BookingId == bookingId, ct);
        var appointment = new Appointment(r.BookingId, r.PatientName, r.PatientEmail, r.PractitionerName, r.AppointmentTypeName, r.Start, r.End, r.Sequence);
        var email = scope.ServiceProvider.GetRequiredService<BookingEmails>().Reminder(appointment);
        await scope.ServiceProvider.GetRequiredService<Mailer>().SendScheduledAsync(Guid.CreateVersion7(), bookingId, MessageKinds.BookingReminder, email, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    protected override void OnRoundFailed(Exception exception) => LogSweepFailed(logger, exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for due reminders failed; retrying on the next tick")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending the reminder for booking {BookingId} failed; retrying on the next tick")]
    private static partial void LogSendFailed(ILogger logger, Guid bookingId, Exception exception);
}
