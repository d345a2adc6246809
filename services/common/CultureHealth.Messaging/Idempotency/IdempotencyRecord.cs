namespace CultureHealth.Messaging.Idempotency;

/// <summary>
/// The outcome of a request made with an Idempotency-Key, written in the same transaction as its effect so
/// a retry gets exactly what the first attempt got. Nothing in it is readable without the key: the key is
/// stored hashed and the outcome sealed under a key derived from it (it can hold a bearer token).
/// </summary>
public sealed class IdempotencyRecord
{
    /// <summary>The <see cref="IdempotencyScope.Operation"/> the key was used for.</summary>
    public string Operation { get; init; } = "";

    /// <summary>SHA-256 of the caller and the key (<see cref="IdempotentRequest.KeyHash"/>).</summary>
    public string KeyHash { get; init; } = "";

    /// <summary>The request's fingerprint, so one key reused for a different request is refused.</summary>
    public string RequestHash { get; init; } = "";

    /// <summary>The outcome as JSON, sealed (AES-256-GCM) under a key derived from the Idempotency-Key; null until completed.</summary>
    public byte[]? SealedOutcome { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>After this the key is forgotten: the record no longer replays and the sweeper deletes it.</summary>
    public DateTimeOffset ExpiresAt { get; init; }
}
