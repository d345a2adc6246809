using CultureHealth.Contracts;
using CultureHealth.Messaging.Erasure;
using CultureHealth.Messaging.Inbox;
using CultureHealth.Notifications.Composition;
using CultureHealth.Notifications.Data;
using CultureHealth.Notifications.Email;
using CultureHealth.ServiceDefaults.Secrets;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Notifications.Messaging;

/// <summary>
/// Notifications' part of an erasure. It keeps no email bodies, so what names the patient is: the address (and
/// subject) of each email sent to them, their copy of bookings for reminders, of comments for reply emails, their
/// confirmed commenter address and their marketing consent. Sent-message rows stay as counts (kind and time) without address or subject.
/// </summary>
public sealed class PatientErasureRequestedConsumer(
    NotificationsDbContext db, EventSecrets secrets, TimeProvider clock, ILogger<PatientErasureRequestedConsumer> logger)
    : PatientErasureConsumer<NotificationsDbContext>(db, secrets, clock, logger)
{
    protected override string Service => PatientDataServices.Notifications;

    protected override async Task<ErasedRecords> EraseAsync(string email, CancellationToken cancellationToken)
    {
        // Emails went to the address as the patient typed it (an order's, a guest booking's); the proven one is lower case.
        var sent = await Db.SentMessages.Where(m => m.Recipient.Trim().ToLower() == email).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Recipient, ErasedPersonalData.Email)
            .SetProperty(m => m.Subject, m => m.Kind), cancellationToken);
        var reminders = await Db.ScheduledReminders.Where(r => r.PatientEmail.Trim().ToLower() == email).ExecuteDeleteAsync(cancellationToken);
        var comments = await Db.KnownComments.Where(c => c.AuthorEmail == email).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.AuthorName, ErasedPersonalData.Name)
            .SetProperty(c => c.AuthorEmail, ErasedPersonalData.Email)
            .SetProperty(c => c.Excerpt, (string?)null)
            .SetProperty(c => c.NotifyOnReply, false), cancellationToken);
        var commenter = await Db.ConfirmedCommenters.Where(c => c.Email == email).ExecuteDeleteAsync(cancellationToken);
        // The marketing-consent copy goes too: with no address left there is nobody to send marketing to.
        var consent = await Db.MarketingConsents.Where(c => c.Email == email).ExecuteDeleteAsync(cancellationToken);
        return new ErasedRecords(sent + reminders + comments + commenter + consent, []);
    }
}

/// <summary>
/// Tells the patient their erasure is done: the one email sent after it, to the address sealed in the event, recorded
/// without that address (the sent-message row keeps kind and time only).
/// </summary>
public sealed class PatientErasureCompletedConsumer(
    NotificationsDbContext db, TimeProvider clock, ILogger<PatientErasureCompletedConsumer> logger, EventSecrets secrets, ErasureEmails emails, Mailer mailer)
    : IdempotentConsumer<PatientErasureCompleted, NotificationsDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(PatientErasureCompleted m, ConsumeContext<PatientErasureCompleted> context, CancellationToken ct)
    {
        var email = SealedFields.Open(secrets, m.SealedEmail, nameof(m.SealedEmail));
        await mailer.SendAsync(m, m.RequestId, MessageKinds.ErasureCompleted, emails.ErasureCompleted(m, email), ct, forgetRecipient: true);
    }
}
