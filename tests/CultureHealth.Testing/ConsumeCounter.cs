using System.Collections.Concurrent;
using CultureHealth.Contracts;
using MassTransit;

namespace CultureHealth.Testing;

/// <summary>
/// Counts deliveries a service's consumers finished (acted on or skipped as duplicates), so a test can
/// wait for "both copies were consumed" instead of sleeping.
/// </summary>
public sealed class ConsumeCounter : IConsumeObserver
{
    private readonly ConcurrentDictionary<Type, int> _completed = new();
    private readonly ConcurrentDictionary<Type, int> _faulted = new();
    private readonly ConcurrentDictionary<(Guid EventId, string Queue), int> _completedByEvent = new();

    public int Completed<T>() => _completed.GetValueOrDefault(typeof(T));
    public int Faulted<T>() => _faulted.GetValueOrDefault(typeof(T));

    /// <summary>Deliveries of one event id that consumers finished: a relay that publishes twice shows here.</summary>
    public int CompletedFor(Guid eventId) => _completedByEvent.Where(e => e.Key.EventId == eventId).Sum(e => e.Value);

    /// <summary>Deliveries of one event id finished on one receive queue (a test's own handlers count elsewhere).</summary>
    public int CompletedFor(Guid eventId, string queue) => _completedByEvent.GetValueOrDefault((eventId, queue));

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        _completed.AddOrUpdate(typeof(T), 1, (_, n) => n + 1);
        if (context.Message is IIntegrationEvent integrationEvent)
        {
            var queue = context.ReceiveContext.InputAddress.AbsolutePath.Split('/')[^1];
            _completedByEvent.AddOrUpdate((integrationEvent.EventId, queue), 1, (_, n) => n + 1);
        }
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class
    {
        _faulted.AddOrUpdate(typeof(T), 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }
}
