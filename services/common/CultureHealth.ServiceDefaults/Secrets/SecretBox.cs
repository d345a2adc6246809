using System.Security.Cryptography;

namespace CultureHealth.ServiceDefaults.Secrets;

/// <summary>
/// Authenticated encryption (AES-256-GCM) of a small secret under a 32-byte key: a random 12-byte nonce,
/// then the ciphertext, then the 16-byte tag. The one place the system seals a secret it must keep readable
/// (a token inside an event, a replayed response); hashing is for secrets it only needs to recognise.
/// </summary>
public static class SecretBox
{
    public const int KeyBytes = 32;
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    public static byte[] Seal(ReadOnlySpan<byte> key, ReadOnlySpan<byte> plain)
    {
        var sealedBytes = new byte[NonceBytes + plain.Length + TagBytes];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagBytes);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceBytes, plain.Length), sealedBytes.AsSpan(NonceBytes + plain.Length));
        return sealedBytes;
    }

    /// <summary>The plain bytes, or null when <paramref name="sealedBytes"/> was sealed under another key or altered.</summary>
    public static byte[]? Open(ReadOnlySpan<byte> key, ReadOnlySpan<byte> sealedBytes)
    {
        if (sealedBytes.Length < NonceBytes + TagBytes)
        {
            return null;
        }
        var plainLength = sealedBytes.Length - NonceBytes - TagBytes;
        var plain = new byte[plainLength];
        try
        {
            using var aes = new AesGcm(key, TagBytes);
            aes.Decrypt(sealedBytes[..NonceBytes], sealedBytes.Slice(NonceBytes, plainLength), sealedBytes[(NonceBytes + plainLength)..], plain);
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
        return plain;
    }
}
