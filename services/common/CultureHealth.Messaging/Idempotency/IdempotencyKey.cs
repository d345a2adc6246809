using System.Security.Cryptography;
using System.Text;

namespace CultureHealth.Messaging.Idempotency;

/// <summary>
/// A client's <c>Idempotency-Key</c>: one rule for every service. The key is the client's secret for this
/// one request: only its hash is stored, and the replayable response is sealed under a key derived from it,
/// so the database alone can neither find whose request it was nor read what was answered.
/// </summary>
public sealed class IdempotencyKey
{
    public const string HeaderName = "Idempotency-Key";

    // Short keys could be brute-forced from the stored hash; a UUID is 36 characters.
    public const int MinLength = 16;
    public const int MaxLength = 200;

    /// <summary>What a client is told when its key breaks the rule.</summary>
    public static readonly string Rule =
        $"Required: a new key for each distinct request, {MinLength}-{MaxLength} printable ASCII characters without spaces (a UUID works).";

    private static readonly byte[] SealingInfo = Encoding.UTF8.GetBytes("culturehealth-idempotent-response");

    private readonly string _value;

    private IdempotencyKey(string value) => _value = value;

    public static bool TryParse(string? value, out IdempotencyKey? key)
    {
        key = value is { Length: >= MinLength and <= MaxLength } && value.All(c => c is > ' ' and <= '~')
            ? new IdempotencyKey(value)
            : null;
        return key is not null;
    }

    /// <summary>
    /// Lower-case hex SHA-256 of the caller and the key: the record's lookup key. The caller is length-prefixed
    /// so no choice of caller and key can collide with another pair.
    /// </summary>
    internal string HashFor(string? caller)
    {
        var who = caller ?? "";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{who.Length}:{who}{_value}")));
    }

    /// <summary>The AES-256-GCM key that seals the stored response; only a client presenting the key can open it.</summary>
    internal byte[] SealingKey() =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(_value), 32, salt: null, info: SealingInfo);

    // The key opens a stored response: never print it.
    public override string ToString() => "IdempotencyKey { (secret) }";
}
