using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CultureHealth.Messaging.Outbox;

/// <summary>
/// Publishes committed outbox rows to RabbitMQ with publisher confirms and marks them sent.
/// A pass claims a batch in one statement (FOR UPDATE SKIP LOCKED, then a lease on next_attempt_at),
/// so relays in this process and in other replicas never publish the same row at once, and no
/// transaction stays open while the broker confirms. A failed publish is retried with back-off,
/// across broker outages and process restarts; a relay that dies mid-batch leaves its rows due again
/// when the lease ends. Delivery is at least once: a crash between the confirm and marking the row
/// sent republishes it, and the consumers' inbox makes that harmless.
/// </summary>
public sealed partial class OutboxRelay<TDbContext>(
    IServiceScopeFactory scopes,
    IBus bus,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    OutboxMetrics metrics,
    ILogger<OutboxRelay<TDbContext>> logger) : BackgroundService
    where TDbContext : DbContext
{
    internal static readonly ActivitySource Source = new("CultureHealth.Messaging");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        var failuresInARow = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            RelayResult result;
            try
            {
                result = await RelayDueMessagesAsync(o, stoppingToken);
                failuresInARow = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database itself is unreachable or not migrated yet: back off and try again.
                failuresInARow++;
                LogRelayFailed(logger, ex);
                await Task.Delay(o.RetryDelay(failuresInARow), clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                continue;
            }

            if (result is { Claimed: var claimed, PublishFailed: false } && claimed == o.BatchSize)
            {
                continue; // a full batch: more are probably waiting
            }
            try
            {
                await signal.WaitAsync(o.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private readonly record struct RelayResult(int Claimed, bool PublishFailed);

    private async Task<RelayResult> RelayDueMessagesAsync(OutboxOptions o, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();

        // Every publish in the batch runs at once and gives up after PublishTimeout, so three times that
        // is ample: the lease only matters if this process stops before it marks the batch.
        var now = clock.GetUtcNow();
        var leaseEnds = now + 3 * o.PublishTimeout;
        var batch = await db.Set<OutboxMessage>()
            .FromSqlInterpolated($"""
                UPDATE outbox_messages SET next_attempt_at = {leaseEnds}
                WHERE id IN (
                    SELECT id FROM outbox_messages
                    WHERE sent_at IS NULL AND next_attempt_at <= {now}
                    ORDER BY created_at, id LIMIT {o.BatchSize}
                    FOR UPDATE SKIP LOCKED)
                RETURNING *
                """)
            .ToListAsync(ct);
        if (batch.Count == 0)
        {
            return new RelayResult(0, false);
        }

        // The batch is published concurrently: each publish waits for its own broker confirm, so a
        // batch costs about one round trip instead of one per event. Consumers never relied on order
        // (they run concurrently anyway); they use sequence numbers where order matters.
        var outcomes = await Task.WhenAll(batch.Select(async message =>
        {
            try
            {
                await PublishAsync(message, o, ct);
                return (message, Error: (Exception?)null);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                return (message, Error: ex);
            }
        }));

        var sentAt = clock.GetUtcNow();
        var sent = outcomes.Where(x => x.Error is null).Select(x => x.message).ToList();
        if (sent.Count > 0)
        {
            var ids = sent.Select(m => m.Id).ToList();
            await db.Set<OutboxMessage>().Where(m => ids.Contains(m.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, sentAt).SetProperty(m => m.LastError, (string?)null), CancellationToken.None);
            foreach (var message in sent)
            {
                metrics.Published(message.MessageType, sentAt - message.CreatedAt);
            }
        }

        var failed = outcomes.Where(x => x.Error is not null).ToList();
        foreach (var (message, error) in failed)
        {
            message.MarkFailed(sentAt, error!.Message, o.RetryDelay(message.Attempts));
            metrics.PublishFailed(message.MessageType);
            LogPublishFailed(logger, message.Id, message.MessageType, message.Attempts, error);
        }

        if (failed.Count > 0)
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }

        return new RelayResult(batch.Count, failed.Count > 0);
    }

    private async Task PublishAsync(OutboxMessage message, OutboxOptions o, CancellationToken ct)
    {
        var type = MessageTypes.Resolve(message.MessageType);
        var payload = JsonSerializer.Deserialize(message.Payload, type, OutboxMessage.Json)
            ?? throw new InvalidOperationException($"Outbox message {message.Id} has an empty payload.");

        ActivityContext.TryParse(message.TraceParent, message.TraceState, out var parent);
        using var activity = Source.StartActivity($"outbox relay {type.Name}", ActivityKind.Internal, parent);
        activity?.SetTag("messaging.message.id", message.Id.ToString());

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(o.PublishTimeout);
        await bus.Publish(payload, type, Pipe.Execute<PublishContext>(context =>
        {
            context.MessageId = message.Id;
            context.Durable = true;
        }), timeout.Token);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox relay pass failed; retrying")]
    private static partial void LogRelayFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing outbox message {MessageId} ({MessageType}) failed on attempt {Attempt}")]
    private static partial void LogPublishFailed(ILogger logger, Guid messageId, string messageType, int attempt, Exception exception);
}
