using System.Security.Cryptography;
using System.Text.Json;

namespace CultureHealth.Messaging.Idempotency;

/// <summary>
/// One request made with an Idempotency-Key: the key, where it counts, and a fingerprint of what was asked,
/// so a key reused for a different request is refused rather than answered with another request's outcome.
/// </summary>
public sealed record IdempotentRequest(IdempotencyKey Key, IdempotencyScope Scope, string Fingerprint)
{
    /// <summary>The record's lookup key: the key's hash within the caller (never the key itself).</summary>
    public string KeyHash { get; } = Key.HashFor(Scope.Caller);

    /// <summary>A request whose fingerprint is the SHA-256 of <paramref name="body"/> as JSON.</summary>
    public static IdempotentRequest Of<TBody>(IdempotencyKey key, IdempotencyScope scope, TBody body, JsonSerializerOptions? json = null) =>
        new(key, scope, FingerprintOf(body, json));

    /// <summary>Lower-case hex SHA-256 of the value serialised as JSON: equal for equal requests whatever the wire formatting was.</summary>
    public static string FingerprintOf<TBody>(TBody body, JsonSerializerOptions? json = null) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(body, json)));

    public override string ToString() => $"IdempotentRequest {{ Operation = {Scope.Operation}, KeyHash = {KeyHash} }}";
}
