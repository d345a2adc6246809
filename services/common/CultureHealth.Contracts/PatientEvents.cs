namespace CultureHealth.Contracts;

/// <summary>
/// Someone asked to prove they own <see cref="Email"/> (patients service). <see cref="SealedCode"/> is the
/// six-digit code sealed with EventSecrets: patients stores only its hash, and only notifications can open it
/// to email the code and its one-click link. <see cref="ReturnUrl"/> is a local path the link leads back to.
/// </summary>
public record EmailProofRequested(
    Guid EventId, DateTimeOffset OccurredAt,
    Guid ProofId, string Email, string SealedCode, DateTimeOffset ExpiresAt, string? ReturnUrl = null) : IIntegrationEvent;
