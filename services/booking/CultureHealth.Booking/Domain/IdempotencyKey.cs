using System.Security.Cryptography;
using System.Text;

namespace CultureHealth.Booking.Domain;

/// <summary>
/// A client's Idempotency-Key. A retried booking must return the same manage token, yet the token may
/// only be stored hashed; so the token is sealed (AES-GCM) under a key derived from the Idempotency-Key,
/// which only the client knows. The database holds the key's hash and the sealed token: useless alone.
/// </summary>
public sealed class IdempotencyKey
{
    public const string HeaderName = "Idempotency-Key";

    // Short keys could be brute-forced from the stored hash; a UUID is 36 characters.
    public const int MinLength = 16;
    public const int MaxLength = 200;

    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private static readonly byte[] SealingInfo = Encoding.UTF8.GetBytes("culturehealth-booking-manage-token");

    private readonly string _value;

    private IdempotencyKey(string value)
    {
        _value = value;
        Hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
    }

    public string Hash { get; }

    public static bool TryParse(string? value, out IdempotencyKey? key)
    {
        key = value is { Length: >= MinLength and <= MaxLength } && value.All(c => c is > ' ' and <= '~')
            ? new IdempotencyKey(value)
            : null;
        return key is not null;
    }

    public byte[] Seal(string secret)
    {
        var plain = Encoding.UTF8.GetBytes(secret);
        var sealedBytes = new byte[NonceBytes + plain.Length + TagBytes];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(DeriveKey(), TagBytes);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceBytes, plain.Length), sealedBytes.AsSpan(NonceBytes + plain.Length));
        return sealedBytes;
    }

    /// <summary>The sealed secret, or null when it was sealed under another key or tampered with.</summary>
    public string? Unseal(byte[] sealedBytes)
    {
        ArgumentNullException.ThrowIfNull(sealedBytes);
        if (sealedBytes.Length < NonceBytes + TagBytes)
        {
            return null;
        }

        var plainLength = sealedBytes.Length - NonceBytes - TagBytes;
        var plain = new byte[plainLength];
        try
        {
            using var aes = new AesGcm(DeriveKey(), TagBytes);
            aes.Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes, plainLength),
                sealedBytes.AsSpan(NonceBytes + plainLength), plain);
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }

        return Encoding.UTF8.GetString(plain);
    }

    private byte[] DeriveKey() => HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(_value), 32, info: SealingInfo);

    public override string ToString() => $"IdempotencyKey {{ Hash = {Hash} }}";
}
