using CultureHealth.Content.Data;
using CultureHealth.Content.Domain;
using CultureHealth.Contracts;
using CultureHealth.Messaging.Inbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Content.Messaging;

/// <summary>Keeps author names and bios fresh from booking's practitioner profiles.</summary>
public sealed class PractitionerProfileChangedConsumer(ContentDbContext db, TimeProvider clock, ILogger<PractitionerProfileChangedConsumer> logger)
    : IdempotentConsumer<PractitionerProfileChanged, ContentDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(PractitionerProfileChanged message, ConsumeContext<PractitionerProfileChanged> context, CancellationToken cancellationToken)
    {
        var author = await Db.Authors.FirstOrDefaultAsync(a => a.Id == message.PractitionerId, cancellationToken);
        if (author is null)
        {
            author = new Author { Id = message.PractitionerId };
            Db.Authors.Add(author);
        }
        else if (author.ProfileAsOf > message.OccurredAt)
        {
            return; // an older profile arrived late
        }
        author.Name = message.Name;
        author.Title = message.Title;
        author.Bio = message.Bio;
        author.PhotoUrl = message.PhotoUrl;
        author.Active = message.Active;
        author.ProfileAsOf = message.OccurredAt;
    }
}
