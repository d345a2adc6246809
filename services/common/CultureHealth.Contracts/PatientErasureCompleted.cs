namespace CultureHealth.Contracts;

/// <summary>
/// Every service that holds patient data reported <see cref="PatientDataErased"/> for <see cref="RequestId"/>.
/// Notifications opens <see cref="SealedEmail"/> (EventSecrets) to email the outcome, once, and keeps no copy of the
/// address; admin audits the erasure under <see cref="EmailHash"/>.
/// </summary>
public record PatientErasureCompleted(
    Guid EventId, DateTimeOffset OccurredAt,
    Guid RequestId, string SealedEmail, string EmailHash, DateTimeOffset RequestedAt,
    IReadOnlyList<ErasedServiceReport> Services) : IIntegrationEvent;

/// <summary>What one service reported: how many of its records it anonymised or removed.</summary>
public record ErasedServiceReport(string Service, int RecordsErased, DateTimeOffset ErasedAt);
