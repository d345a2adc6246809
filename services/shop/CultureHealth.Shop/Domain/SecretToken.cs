using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace CultureHealth.Shop.Domain;

/// <summary>A token handed to the client once, and the hash that is all the database ever keeps.</summary>
public sealed record IssuedSecretToken(string Token, string Hash)
{
    // Keeps the bearer token out of logs that print the record.
    public override string ToString() => $"IssuedSecretToken {{ Hash = {Hash} }}";
}

/// <summary>
/// Unguessable bearer tokens for anonymous carts and order-access links. 256 random bits make a token
/// unguessable, so a plain SHA-256 (no salt, no slow KDF) is enough to stop a database leak from exposing
/// live tokens while still allowing lookup by hash.
/// </summary>
public static class SecretToken
{
    public const int ByteLength = 32;

    /// <summary>Base64url without padding: 43 characters, safe in URLs and cookies.</summary>
    public const int TokenLength = 43;

    /// <summary>
    /// A well-formed hash no token has: compare against it when there is no row, so a missing row costs the same
    /// work as a wrong token and response timing does not tell them apart.
    /// </summary>
    public static readonly string Unmatchable = new('0', 64);

    public static IssuedSecretToken Issue()
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(ByteLength));
        return new IssuedSecretToken(token, Hash(token));
    }

    /// <summary>Lower-case hex SHA-256 of the token's UTF-8 bytes (64 characters): what to store and index.</summary>
    public static string Hash(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }

    /// <summary>
    /// Whether a presented token is the one behind <paramref name="storedHash"/>. The comparison takes the same
    /// time wherever the first differing byte is, so response timing leaks nothing about the stored hash.
    /// </summary>
    public static bool Matches(string? presentedToken, string? storedHash)
    {
        if (presentedToken is null || storedHash is null || presentedToken.Length != TokenLength)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Hash(presentedToken)),
            Encoding.ASCII.GetBytes(storedHash.ToLowerInvariant()));
    }
}
