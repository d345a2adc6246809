using System.Diagnostics;
using System.Text.Json;
using CultureHealth.Contracts;

namespace CultureHealth.Messaging.Outbox;

/// <summary>
/// An event waiting to leave the service. It is written in the same transaction as the state
/// change it describes, so either both happen or neither does.
/// </summary>
public sealed class OutboxMessage
{
    /// <summary>The event's id; also the broker message id, so consumers can deduplicate.</summary>
    public Guid Id { get; private set; }
    public string MessageType { get; private set; } = "";
    public string Payload { get; private set; } = "";
    /// <summary>W3C traceparent of the request that raised the event, so the trace continues through the broker.</summary>
    public string? TraceParent { get; private set; }
    public string? TraceState { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public int Attempts { get; private set; }
    public string? LastError { get; private set; }

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private OutboxMessage() { }

    public static OutboxMessage For<TEvent>(TEvent @event, DateTimeOffset now) where TEvent : class, IIntegrationEvent
    {
        var activity = Activity.Current;
        return new OutboxMessage
        {
            Id = @event.EventId,
            MessageType = MessageTypes.NameOf(typeof(TEvent)),
            Payload = JsonSerializer.Serialize(@event, Json),
            TraceParent = activity?.Id,
            TraceState = activity?.TraceStateString,
            CreatedAt = now,
            NextAttemptAt = now,
        };
    }

    internal void MarkFailed(DateTimeOffset now, string error, TimeSpan retryAfter)
    {
        Attempts++;
        LastError = error.Length > 2000 ? error[..2000] : error;
        NextAttemptAt = now + retryAfter;
    }
}
