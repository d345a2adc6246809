using CultureHealth.Contracts;
using CultureHealth.Messaging.Inbox;
using CultureHealth.Notifications.Composition;
using CultureHealth.Notifications.Data;
using CultureHealth.Notifications.Email;
using MassTransit;

namespace CultureHealth.Notifications.Messaging;

/// <summary>Tells the patient the new time (the invitation updates their calendar) and re-arms the reminder for it.</summary>
public sealed partial class BookingRescheduledConsumer(
    NotificationsDbContext db, TimeProvider clock, ILogger<BookingRescheduledConsumer> logger, BookingEmails emails, Mailer mailer)
    : IdempotentConsumer<BookingRescheduled, NotificationsDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(BookingRescheduled m, ConsumeContext<BookingRescheduled> context, CancellationToken ct)
    {
        var reminder = await Db.LockReminderAsync(m.BookingId, ct);
        if (reminder is not null && (reminder.Cancelled || reminder.Sequence >= m.Sequence))
        {
            // A newer change (another move, or the cancellation) already reached the patient.
            LogStale(logger, m.BookingId, m.Sequence);
            return;
        }
        if (reminder is null)
        {
            reminder = new ScheduledReminder { BookingId = m.BookingId, PatientEmail = m.PatientEmail };
            Db.ScheduledReminders.Add(reminder);
        }
        // PostgreSQL timestamptz takes UTC; booking sends London offsets.
        (reminder.Start, reminder.End, reminder.Sequence) = (m.Start.ToUniversalTime(), m.End.ToUniversalTime(), m.Sequence);
        reminder.SentAt = null; // the new time deserves its own reminder
        reminder.UpdatedAt = Clock.GetUtcNow();

        var appointment = new Appointment(m.BookingId, reminder.PatientName, m.PatientEmail, reminder.PractitionerName,
            reminder.AppointmentTypeName, m.Start, m.End, m.Sequence);
        await mailer.SendAsync(m, m.BookingId, MessageKinds.BookingRescheduled, emails.Rescheduled(appointment, m.PreviousStart), ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Skipped the reschedule notice for booking {BookingId} (sequence {Sequence}): a newer change was already handled")]
    private static partial void LogStale(ILogger logger, Guid bookingId, int sequence);
}
