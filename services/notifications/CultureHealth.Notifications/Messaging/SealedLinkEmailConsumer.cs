using CultureHealth.Contracts;
using CultureHealth.Messaging.Inbox;
using CultureHealth.Notifications.Data;
using CultureHealth.Notifications.Email;
using CultureHealth.ServiceDefaults.Secrets;
using MassTransit;

namespace CultureHealth.Notifications.Messaging;

/// <summary>What an email carries that works only until a deadline: the sealed code or token and what it is for.</summary>
/// <param name="Reference">The proof, booking or offer the email is about (recorded with the sent message).</param>
public sealed record SealedLink(Guid Reference, string SealedSecret, DateTimeOffset ValidUntil);

/// <summary>
/// The one shape of an email whose secret works only until a deadline (an email proof's code, a pending booking's
/// confirm link, a waitlist offer's link): once the deadline has passed (the event waited out a broker outage) the
/// email is not sent, since its secret could only confuse; otherwise the secret is opened and the email sent once.
/// </summary>
public abstract partial class SealedLinkEmailConsumer<TEvent>(
    NotificationsDbContext db, TimeProvider clock, ILogger logger, EventSecrets secrets, Mailer mailer)
    : IdempotentConsumer<TEvent, NotificationsDbContext>(db, clock, logger)
    where TEvent : class, IIntegrationEvent
{
    private readonly ILogger _logger = logger;

    /// <summary>One of <see cref="Composition.MessageKinds"/>.</summary>
    protected abstract string Kind { get; }

    protected abstract SealedLink LinkOf(TEvent message);

    /// <param name="secret">The opened code or token.</param>
    protected abstract EmailMessage Compose(TEvent message, string secret);

    protected sealed override async Task HandleAsync(TEvent message, ConsumeContext<TEvent> context, CancellationToken ct)
    {
        var link = LinkOf(message);
        if (Clock.GetUtcNow() >= link.ValidUntil)
        {
            LogExpired(_logger, Kind, link.Reference, link.ValidUntil);
            return;
        }

        var secret = SealedFields.Open(secrets, link.SealedSecret, typeof(TEvent).Name + " secret");
        await mailer.SendAsync(message, link.Reference, Kind, Compose(message, secret), ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The {Kind} email for {Reference} was not sent: its link ended at {ValidUntil} before it could go")]
    private static partial void LogExpired(ILogger logger, string kind, Guid reference, DateTimeOffset validUntil);
}
