using System.Collections.Concurrent;

namespace CultureHealth.Messaging.Outbox;

/// <summary>Stable names for event types in the outbox table ("Namespace.Type, Assembly", no version).</summary>
public static class MessageTypes
{
    private static readonly ConcurrentDictionary<string, Type> Resolved = new(StringComparer.Ordinal);

    public static string NameOf(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";

    public static Type Resolve(string name) => Resolved.GetOrAdd(name, static n =>
        Type.GetType(n, throwOnError: false) ?? throw new InvalidOperationException($"Unknown outbox message type '{n}'."));
}
