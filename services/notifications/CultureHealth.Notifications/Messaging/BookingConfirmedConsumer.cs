using CultureHealth.Contracts;
using CultureHealth.Messaging.Inbox;
using CultureHealth.Notifications.Composition;
using CultureHealth.Notifications.Data;
using CultureHealth.Notifications.Email;
using CultureHealth.ServiceDefaults.Secrets;
using MassTransit;

namespace CultureHealth.Notifications.Messaging;

/// <summary>Confirms the booking to the patient (with the calendar invitation) and schedules its reminder.</summary>
public sealed class BookingConfirmedConsumer(
    NotificationsDbContext db, TimeProvider clock, ILogger<BookingConfirmedConsumer> logger, BookingEmails emails, Mailer mailer, EventSecrets secrets)
    : IdempotentConsumer<BookingConfirmed, NotificationsDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(BookingConfirmed m, ConsumeContext<BookingConfirmed> context, CancellationToken ct)
    {
        var reminder = await Db.LockReminderAsync(m.BookingId, ct);
        if (reminder is null)
        {
            reminder = new ScheduledReminder { BookingId = m.BookingId, Start = m.Start.ToUniversalTime(), End = m.End.ToUniversalTime(), Sequence = m.Sequence };
            Db.ScheduledReminders.Add(reminder);
        }
        else if (m.Sequence >= reminder.Sequence)
        {
            (reminder.Start, reminder.End, reminder.Sequence) = (m.Start.ToUniversalTime(), m.End.ToUniversalTime(), m.Sequence);
        }
        // A later reschedule or cancellation may have arrived first: it keeps its times, these fill in the names.
        reminder.PatientName = m.PatientName;
        reminder.PatientEmail = m.PatientEmail;
        reminder.PractitionerName = m.PractitionerName;
        reminder.AppointmentTypeName = m.AppointmentTypeName;
        reminder.UpdatedAt = Clock.GetUtcNow();

        var appointment = new Appointment(m.BookingId, m.PatientName, m.PatientEmail, m.PractitionerName, m.AppointmentTypeName, m.Start, m.End, m.Sequence);
        var manageToken = m.ManageToken is null ? null : SealedFields.Open(secrets, m.ManageToken, nameof(m.ManageToken));
        await mailer.SendAsync(m, m.BookingId, MessageKinds.BookingConfirmed, emails.Confirmation(appointment, manageToken), ct);
    }
}
