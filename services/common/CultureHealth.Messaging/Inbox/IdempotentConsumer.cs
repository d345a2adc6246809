using CultureHealth.Contracts;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CultureHealth.Messaging.Inbox;

/// <summary>
/// Base for consumers whose effect lives in the service's database. The inbox row, the effect and
/// any events the effect raises commit together, so a redelivered message acts once. When the
/// handler throws, everything rolls back and the message is retried, then moved to the _error queue.
/// </summary>
public abstract partial class IdempotentConsumer<TMessage, TDbContext>(TDbContext db, TimeProvider clock, ILogger logger) : IConsumer<TMessage>
    where TMessage : class, IIntegrationEvent
    where TDbContext : DbContext
{
    protected TDbContext Db { get; } = db;
    protected TimeProvider Clock { get; } = clock;

    /// <summary>Stable per consumer, so two consumers of one event each act once.</summary>
    protected virtual string ConsumerName => GetType().Name;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var ct = context.CancellationToken;
        var messageId = context.Message.EventId;
        await using var tx = await Db.Database.BeginTransactionAsync(ct);

        // A concurrent duplicate blocks on the primary key until we commit, then inserts nothing.
        var inserted = await Db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO inbox_messages (consumer, message_id, processed_at) VALUES ({ConsumerName}, {messageId}, {Clock.GetUtcNow()}) ON CONFLICT DO NOTHING", ct);
        if (inserted == 0)
        {
            LogDuplicate(logger, ConsumerName, messageId);
            return;
        }

        await HandleAsync(context.Message, context, ct);
        await Db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Apply the message's effect to <see cref="Db"/>; do not call SaveChanges or commit.</summary>
    protected abstract Task HandleAsync(TMessage message, ConsumeContext<TMessage> context, CancellationToken cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Consumer} already handled message {MessageId}; acknowledging the duplicate")]
    private static partial void LogDuplicate(ILogger logger, string consumer, Guid messageId);
}
