namespace CultureHealth.Contracts;

/// <summary>
/// Every integration event carries its own id (the inbox key) and when it happened.
/// Events evolve only by adding optional members, so old consumers keep working.
/// </summary>
public interface IIntegrationEvent
{
    Guid EventId { get; }
    DateTimeOffset OccurredAt { get; }
}
