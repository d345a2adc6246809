namespace CultureHealth.Contracts;

/// <summary>
/// A patient who proved <c>Email</c> asked for their personal data to be erased (patients service). Every service that
/// holds patient data removes or anonymises what it holds for that address, then publishes <see cref="PatientDataErased"/>.
/// <see cref="SealedEmail"/> is the lower-cased address sealed with EventSecrets, so the outbox, the broker and its
/// _error queues never keep the address of someone who asked to be forgotten; <see cref="EmailHash"/> (SHA-256 of the
/// address) is what audit logs keep instead.
/// </summary>
public record PatientErasureRequested(
    Guid EventId, DateTimeOffset OccurredAt,
    Guid RequestId, string SealedEmail, string EmailHash) : IIntegrationEvent;
