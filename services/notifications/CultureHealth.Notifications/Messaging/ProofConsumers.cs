using CultureHealth.Contracts;
using CultureHealth.Notifications.Composition;
using CultureHealth.Notifications.Data;
using CultureHealth.Notifications.Email;
using CultureHealth.ServiceDefaults.Secrets;

namespace CultureHealth.Notifications.Messaging;

/// <summary>Emails the code (and one-click link) that proves an address to the patients service.</summary>
public sealed class EmailProofRequestedConsumer(
    NotificationsDbContext db, TimeProvider clock, ILogger<EmailProofRequestedConsumer> logger, EventSecrets secrets, ProofEmails emails, Mailer mailer)
    : SealedLinkEmailConsumer<EmailProofRequested>(db, clock, logger, secrets, mailer)
{
    protected override string Kind => MessageKinds.EmailProof;

    protected override SealedLink LinkOf(EmailProofRequested message) => new(message.ProofId, message.SealedCode, message.ExpiresAt);

    protected override EmailMessage Compose(EmailProofRequested message, string secret) => emails.EmailProof(message, secret);
}

/// <summary>Asks a guest to confirm their pending booking with its link; the calendar invitation follows confirmation.</summary>
public sealed class BookingConfirmationRequestedConsumer(
    NotificationsDbContext db, TimeProvider clock, ILogger<BookingConfirmationRequestedConsumer> logger, EventSecrets secrets, ProofEmails emails,
    Mailer mailer)
    : SealedLinkEmailConsumer<BookingConfirmationRequested>(db, clock, logger, secrets, mailer)
{
    protected override string Kind => MessageKinds.BookingConfirmationRequest;

    protected override SealedLink LinkOf(BookingConfirmationRequested message) =>
        new(message.BookingId, message.SealedManageToken, message.ConfirmBy);

    protected override EmailMessage Compose(BookingConfirmationRequested message, string secret) =>
        emails.BookingConfirmationRequest(message, secret);
}

/// <summary>Offers a freed slot to a waiting patient with the link that takes it; an offer whose hold ended is not sent.</summary>
public sealed class WaitlistOfferMadeConsumer(
    NotificationsDbContext db, TimeProvider clock, ILogger<WaitlistOfferMadeConsumer> logger, EventSecrets secrets, ProofEmails emails, Mailer mailer)
    : SealedLinkEmailConsumer<WaitlistOfferMade>(db, clock, logger, secrets, mailer)
{
    protected override string Kind => MessageKinds.WaitlistOffer;

    protected override SealedLink LinkOf(WaitlistOfferMade message) => new(message.OfferId, message.SealedOfferToken, message.HoldUntil);

    protected override EmailMessage Compose(WaitlistOfferMade message, string secret) => emails.WaitlistOffer(message, secret);
}
