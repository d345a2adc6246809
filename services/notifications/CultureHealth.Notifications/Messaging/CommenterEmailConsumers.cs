using CultureHealth.Contracts;
using CultureHealth.Messaging.Inbox;
using CultureHealth.Notifications.Composition;
using CultureHealth.Notifications.Data;
using CultureHealth.Notifications.Email;
using CultureHealth.ServiceDefaults.Secrets;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Notifications.Messaging;

/// <summary>Emails a commenter's address its "confirm your email" link, the token opened from the sealed event.</summary>
public sealed class CommenterEmailConfirmationRequestedConsumer(
    NotificationsDbContext db, TimeProvider clock, ILogger<CommenterEmailConfirmationRequestedConsumer> logger,
    CommunityEmails emails, Mailer mailer, EventSecrets secrets)
    : IdempotentConsumer<CommenterEmailConfirmationRequested, NotificationsDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(CommenterEmailConfirmationRequested m, ConsumeContext<CommenterEmailConfirmationRequested> context, CancellationToken ct)
    {
        var token = SealedFields.Open(secrets, m.ConfirmationToken, nameof(m.ConfirmationToken));
        return mailer.SendAsync(m, null, MessageKinds.CommenterConfirm, emails.CommenterConfirmation(m, token), ct);
    }
}

/// <summary>Remembers that an address's owner confirmed it: from now on replies to their comments may be emailed to it.</summary>
public sealed class CommenterEmailConfirmedConsumer(NotificationsDbContext db, TimeProvider clock, ILogger<CommenterEmailConfirmedConsumer> logger)
    : IdempotentConsumer<CommenterEmailConfirmed, NotificationsDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(CommenterEmailConfirmed m, ConsumeContext<CommenterEmailConfirmed> context, CancellationToken ct)
    {
        var email = m.Email.Trim().ToLowerInvariant();
        if (!await Db.ConfirmedCommenters.AnyAsync(c => c.Email == email, ct))
        {
            Db.ConfirmedCommenters.Add(new ConfirmedCommenter { Email = email, ConfirmedAt = m.OccurredAt.ToUniversalTime() });
        }
    }
}
