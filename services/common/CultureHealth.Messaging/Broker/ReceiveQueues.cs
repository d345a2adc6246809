using System.Collections.Concurrent;

namespace CultureHealth.Messaging.Broker;

/// <summary>The queues this service consumes from, as MassTransit names them when it configures the endpoints.</summary>
public sealed class ReceiveQueues
{
    private readonly ConcurrentDictionary<string, byte> _names = new(StringComparer.Ordinal);

    public void Add(string queue) => _names.TryAdd(queue, 0);

    public IReadOnlyList<string> Names => [.. _names.Keys.Order(StringComparer.Ordinal)];
}
