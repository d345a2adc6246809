using CultureHealth.Contracts;
using CultureHealth.Notifications.Data;
using CultureHealth.Notifications.Telemetry;

namespace CultureHealth.Notifications.Email;

/// <summary>
/// Sends one email and adds its <see cref="SentMessage"/> row to the caller's unit of work. The caller
/// commits that row with its inbox row or claim, so a failure to send leaves no trace and is retried.
/// </summary>
public sealed partial class Mailer(IEmailSender sender, NotificationsDbContext db, TimeProvider clock, NotificationsMetrics metrics, ILogger<Mailer> logger)
{
    /// <summary>
    /// The email that answers an integration event. How long after the event it went is recorded
    /// (<see cref="NotificationsMetrics.EmailSent"/>): the event-to-email service level reads it.
    /// </summary>
    /// <param name="forgetRecipient">Record the email without its address (the outcome of an erasure, sent to someone who asked to be forgotten).</param>
    public async Task SendAsync(IIntegrationEvent cause, Guid? reference, string kind, EmailMessage message, CancellationToken cancellationToken, bool forgetRecipient = false)
    {
        ArgumentNullException.ThrowIfNull(cause);
        var sentAt = await SendAndRecordAsync(cause.EventId, reference, kind, message, cancellationToken, forgetRecipient);
        metrics.EmailSent(kind, sentAt - cause.OccurredAt);
    }

    /// <summary>
    /// An email no event asked for: reminders and digests go when their time comes, so they have no event-to-email
    /// delay. <paramref name="runId"/> identifies the run that claimed it.
    /// </summary>
    public Task SendScheduledAsync(Guid runId, Guid? reference, string kind, EmailMessage message, CancellationToken cancellationToken) =>
        SendAndRecordAsync(runId, reference, kind, message, cancellationToken);

    private async Task<DateTimeOffset> SendAndRecordAsync(Guid eventId, Guid? reference, string kind, EmailMessage message, CancellationToken cancellationToken, bool forgetRecipient = false)
    {
        ArgumentNullException.ThrowIfNull(message);
        var messageId = await sender.SendAsync(message, cancellationToken);
        var sentAt = clock.GetUtcNow();
        db.SentMessages.Add(new SentMessage
        {
            Id = Guid.CreateVersion7(),
            EventId = eventId,
            Reference = reference,
            Kind = kind,
            Recipient = forgetRecipient ? CultureHealth.Messaging.Erasure.ErasedPersonalData.Email : message.To.Address,
            Subject = message.Subject,
            SentAt = sentAt,
            ProviderMessageId = messageId,
        });
        // Addresses stay out of the logs; the sent_messages row has them for support.
        LogSent(logger, kind, eventId, reference, messageId);
        return sentAt;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent {Kind} email for event {EventId} (about {Reference}) as {MessageId}")]
    private static partial void LogSent(ILogger logger, string kind, Guid eventId, Guid? reference, string messageId);
}
