using CultureHealth.Contracts;
using CultureHealth.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Messaging.Data;

public static class OutboxDbContextExtensions
{
    /// <summary>Queues an event to be published once the current SaveChanges (and transaction) commits.</summary>
    public static void PublishOnCommit<TEvent>(this DbContext db, TEvent @event, DateTimeOffset now)
        where TEvent : class, IIntegrationEvent =>
        db.Set<OutboxMessage>().Add(OutboxMessage.For(@event, now));
}
