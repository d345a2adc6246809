using CultureHealth.Notifications.Data;

namespace CultureHealth.Notifications.Email;

/// <summary>
/// Sends one email and adds its <see cref="SentMessage"/> row to the caller's unit of work. The caller
/// commits that row with its inbox row or claim, so a failure to send leaves no trace and is retried.
/// </summary>
public sealed partial class Mailer(IEmailSender sender, NotificationsDbContext db, TimeProvider clock, ILogger<Mailer> logger)
{
    public async Task SendAsync(Guid eventId, Guid? reference, string kind, EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var messageId = await sender.SendAsync(message, cancellationToken);
        db.SentMessages.Add(new SentMessage
        {
            Id = Guid.CreateVersion7(),
            EventId = eventId,
            Reference = reference,
            Kind = kind,
            Recipient = message.To.Address,
            Subject = message.Subject,
            SentAt = clock.GetUtcNow(),
            ProviderMessageId = messageId,
        });
        // Addresses stay out of the logs; the sent_messages row has them for support.
        LogSent(logger, kind, eventId, reference, messageId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent {Kind} email for event {EventId} (about {Reference}) as {MessageId}")]
    private static partial void LogSent(ILogger logger, string kind, Guid eventId, Guid? reference, string messageId);
}
