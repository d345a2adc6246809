using CultureHealth.Contracts;
using CultureHealth.Messaging.Inbox;
using CultureHealth.Notifications.Composition;
using CultureHealth.Notifications.Data;
using CultureHealth.Notifications.Email;
using MassTransit;

namespace CultureHealth.Notifications.Messaging;

/// <summary>Tells the patient the booking is cancelled (METHOD:CANCEL removes it from their calendar) and drops its reminder.</summary>
public sealed partial class BookingCancelledConsumer(
    NotificationsDbContext db, TimeProvider clock, ILogger<BookingCancelledConsumer> logger, BookingEmails emails, Mailer mailer)
    : IdempotentConsumer<BookingCancelled, NotificationsDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(BookingCancelled m, ConsumeContext<BookingCancelled> context, CancellationToken ct)
    {
        var reminder = await Db.LockReminderAsync(m.BookingId, ct);
        if (reminder is { Cancelled: true })
        {
            LogAlreadyCancelled(logger, m.BookingId);
            return;
        }
        if (reminder is null)
        {
            reminder = new ScheduledReminder { BookingId = m.BookingId, PatientEmail = m.PatientEmail, Start = m.Start.ToUniversalTime(), End = m.End.ToUniversalTime() };
            Db.ScheduledReminders.Add(reminder);
        }
        // Cancelling is final, whatever order the events arrive in; the CANCEL must out-sequence every REQUEST sent.
        reminder.Cancelled = true;
        reminder.Sequence = Math.Max(reminder.Sequence, m.Sequence);
        reminder.UpdatedAt = Clock.GetUtcNow();

        var appointment = new Appointment(m.BookingId, reminder.PatientName, m.PatientEmail, reminder.PractitionerName,
            reminder.AppointmentTypeName, m.Start, m.End, reminder.Sequence);
        var email = emails.Cancelled(appointment, cancelledByClinic: m.CancelledBy == BookingCancellers.Staff, m.CreditRestored);
        await mailer.SendAsync(m, m.BookingId, MessageKinds.BookingCancelled, email, ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Booking {BookingId} was already cancelled; no second notice")]
    private static partial void LogAlreadyCancelled(ILogger logger, Guid bookingId);
}
