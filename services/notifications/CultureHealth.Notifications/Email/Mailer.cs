using CultureHealth.Contracts;
using CultureHealth.Notifications.Composition;
using CultureHealth.Notifications.Data;
using CultureHealth.Notifications.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Notifications.Email;

/// <summary>
/// Sends one email and adds its <see cref="SentMessage"/> row to the caller's unit of work. The caller
/// commits that row with its inbox row or claim, so a failure to send leaves no trace and is retried.
/// A marketing kind (<see cref="MessageKinds.IsMarketing"/>) goes only to an address whose owner consented
/// (<see cref="MarketingConsent"/>); without consent nothing is sent and nothing recorded.
/// </summary>
public sealed partial class Mailer(IEmailSender sender, NotificationsDbContext db, TimeProvider clock, NotificationsMetrics metrics, ILogger<Mailer> logger)
{
    /// <summary>
    /// The email that answers an integration event. How long after the event it went is recorded
    /// (<see cref="NotificationsMetrics.EmailSent"/>): the event-to-email service level reads it.
    /// </summary>
    /// <param name="forgetRecipient">Record the email without its address (the outcome of an erasure, sent to someone who asked to be forgotten).</param>
    /// <returns>False when a marketing email was held back for want of consent.</returns>
    public async Task<bool> SendAsync(IIntegrationEvent cause, Guid? reference, string kind, EmailMessage message, CancellationToken cancellationToken, bool forgetRecipient = false)
    {
        ArgumentNullException.ThrowIfNull(cause);
        if (await SendAndRecordAsync(cause.EventId, reference, kind, message, cancellationToken, forgetRecipient) is not { } sentAt)
        {
            return false;
        }
        metrics.EmailSent(kind, sentAt - cause.OccurredAt);
        return true;
    }

    /// <summary>
    /// An email no event asked for: reminders and digests go when their time comes, so they have no event-to-email
    /// delay. <paramref name="runId"/> identifies the run that claimed it.
    /// </summary>
    /// <returns>False when a marketing email was held back for want of consent.</returns>
    public async Task<bool> SendScheduledAsync(Guid runId, Guid? reference, string kind, EmailMessage message, CancellationToken cancellationToken) =>
        await SendAndRecordAsync(runId, reference, kind, message, cancellationToken) is not null;

    private async Task<DateTimeOffset?> SendAndRecordAsync(Guid eventId, Guid? reference, string kind, EmailMessage message, CancellationToken cancellationToken, bool forgetRecipient = false)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (MessageKinds.IsMarketing(kind) && !await HasMarketingConsentAsync(message.To.Address, cancellationToken))
        {
            LogHeldBack(logger, kind, eventId);
            return null;
        }
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

    private Task<bool> HasMarketingConsentAsync(string address, CancellationToken ct)
    {
        var email = address.Trim().ToLowerInvariant();
        return db.MarketingConsents.AsNoTracking().AnyAsync(c => c.Email == email && c.Consent, ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Held back a {Kind} email for event {EventId}: its recipient has not consented to marketing email")]
    private static partial void LogHeldBack(ILogger logger, string kind, Guid eventId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent {Kind} email for event {EventId} (about {Reference}) as {MessageId}")]
    private static partial void LogSent(ILogger logger, string kind, Guid eventId, Guid? reference, string messageId);
}
