using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace CultureHealth.ServiceDefaults.Secrets;

/// <summary>
/// An unguessable bearer token handed to a customer once (a cart id, an order's access link, a booking's
/// manage link) and the hash that is all the database ever keeps. 256 random bits make the token
/// unguessable, so a plain SHA-256 (no salt, no slow KDF) is enough to stop a database leak from handing
/// out live tokens while still allowing lookup by hash.
/// </summary>
public sealed record SecretToken
{
    public const int ByteLength = 32;

    /// <summary>Base64url without padding of <see cref="ByteLength"/> bytes: 43 characters, safe in URLs and cookies.</summary>
    public const int TokenLength = 43;

    /// <summary>Lower-case hex SHA-256: 64 characters.</summary>
    public const int HashLength = SHA256.HashSizeInBytes * 2;

    /// <summary>
    /// A well-formed hash no token has: verify against it when there is no row, so a missing row costs the same
    /// work as a wrong token and response timing does not tell them apart.
    /// </summary>
    public static readonly string Unmatchable = new('0', HashLength);

    private SecretToken(string value, string hash)
    {
        Value = value;
        Hash = hash;
    }

    /// <summary>The secret itself: goes to the customer once (a response, a sealed event) and is then forgotten.</summary>
    public string Value { get; }

    /// <summary>What to store and index: <see cref="HashOf"/> the <see cref="Value"/>.</summary>
    public string Hash { get; }

    public static SecretToken Generate()
    {
        var value = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(ByteLength));
        return new SecretToken(value, HashOf(value));
    }

    /// <summary>Lower-case hex SHA-256 of the token's UTF-8 bytes.</summary>
    public static string HashOf(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }

    /// <summary>
    /// Whether a presented token is the one behind <paramref name="storedHash"/>. Anything that is not a token's
    /// shape never matches (and an absurdly long input is not even hashed); the comparison takes the same time
    /// wherever the first differing byte is, so response timing leaks nothing about the stored hash.
    /// </summary>
    public static bool Verify(string? presentedToken, string? storedHash)
    {
        if (presentedToken is not { Length: TokenLength } || storedHash is not { Length: HashLength })
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[SHA256.HashSizeInBytes];
        if (Convert.FromHexString(storedHash, expected, out _, out var written) != System.Buffers.OperationStatus.Done
            || written != expected.Length)
        {
            return false;
        }

        var actual = SHA256.HashData(Encoding.UTF8.GetBytes(presentedToken));
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    // The generated record ToString would print the secret into any log line that touches it.
    public override string ToString() => $"SecretToken {{ Hash = {Hash} }}";
}
