using CultureHealth.Contracts;
using CultureHealth.Messaging.Inbox;
using CultureHealth.Notifications.Composition;
using CultureHealth.Notifications.Data;
using CultureHealth.Notifications.Email;
using CultureHealth.ServiceDefaults.Secrets;
using MassTransit;

namespace CultureHealth.Notifications.Messaging;

/// <summary>Emails the code (and one-click link) that proves an address to the patients service.</summary>
public sealed partial class EmailProofRequestedConsumer(
    NotificationsDbContext db, TimeProvider clock, ILogger<EmailProofRequestedConsumer> logger, EventSecrets secrets, ProofEmails emails, Mailer mailer)
    : IdempotentConsumer<EmailProofRequested, NotificationsDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(EmailProofRequested m, ConsumeContext<EmailProofRequested> context, CancellationToken ct)
    {
        // A code that has already expired (the event waited out a broker outage) would only confuse: it cannot work.
        if (Clock.GetUtcNow() >= m.ExpiresAt)
        {
            LogExpired(logger, m.ProofId);
            return;
        }

        var code = SealedSecrets.Open(secrets, m.SealedCode, nameof(EmailProofRequested), m.EventId);
        await mailer.SendAsync(m, m.ProofId, MessageKinds.EmailProof, emails.EmailProof(m, code), ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Email proof {ProofId} expired before its email could be sent; not sending it")]
    private static partial void LogExpired(ILogger logger, Guid proofId);
}

/// <summary>Asks a guest to confirm their pending booking with its link; the calendar invitation follows confirmation.</summary>
public sealed partial class BookingConfirmationRequestedConsumer(
    NotificationsDbContext db, TimeProvider clock, ILogger<BookingConfirmationRequestedConsumer> logger, EventSecrets secrets, ProofEmails emails,
    Mailer mailer)
    : IdempotentConsumer<BookingConfirmationRequested, NotificationsDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(BookingConfirmationRequested m, ConsumeContext<BookingConfirmationRequested> context, CancellationToken ct)
    {
        if (Clock.GetUtcNow() >= m.ConfirmBy)
        {
            LogExpired(logger, m.BookingId);
            return;
        }

        var token = SealedSecrets.Open(secrets, m.SealedManageToken, nameof(BookingConfirmationRequested), m.EventId);
        await mailer.SendAsync(m, m.BookingId, MessageKinds.BookingConfirmationRequest, emails.BookingConfirmationRequest(m, token), ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pending booking {BookingId} expired before its confirmation request could be sent; not sending it")]
    private static partial void LogExpired(ILogger logger, Guid bookingId);
}

/// <summary>Offers a freed slot to a waiting patient with the link that takes it; an offer whose hold ended is not sent.</summary>
public sealed partial class WaitlistOfferMadeConsumer(
    NotificationsDbContext db, TimeProvider clock, ILogger<WaitlistOfferMadeConsumer> logger, EventSecrets secrets, ProofEmails emails, Mailer mailer)
    : IdempotentConsumer<WaitlistOfferMade, NotificationsDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(WaitlistOfferMade m, ConsumeContext<WaitlistOfferMade> context, CancellationToken ct)
    {
        if (Clock.GetUtcNow() >= m.HoldUntil)
        {
            LogExpired(logger, m.OfferId);
            return;
        }

        var token = SealedSecrets.Open(secrets, m.SealedOfferToken, nameof(WaitlistOfferMade), m.EventId);
        await mailer.SendAsync(m, m.OfferId, MessageKinds.WaitlistOffer, emails.WaitlistOffer(m, token), ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Waitlist offer {OfferId} ended before its email could be sent; not sending it")]
    private static partial void LogExpired(ILogger logger, Guid offerId);
}

internal static class SealedSecrets
{
    /// <summary>
    /// Opens a sealed event field. Failing to (a key this process lacks, a tampered value) throws, so the message is
    /// retried and then parked in the _error queue, where an operator can replay it once the keys are right.
    /// </summary>
    public static string Open(EventSecrets secrets, string sealedValue, string eventName, Guid eventId) =>
        secrets.Open(sealedValue)
        ?? throw new InvalidOperationException($"The sealed secret in {eventName} {eventId} cannot be opened with this process's EventSecrets keys.");
}
