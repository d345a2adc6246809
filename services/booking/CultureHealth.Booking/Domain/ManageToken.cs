using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace CultureHealth.Booking.Domain;

/// <summary>
/// The secret in a patient's "manage my booking" link. Only <see cref="Hash"/> is stored, so a database
/// leak does not hand out working links; <see cref="Value"/> goes into the email once and is then forgotten.
/// </summary>
public sealed record ManageToken
{
    private const int TokenBytes = 32;

    // A genuine token is 43 characters; the cap only stops absurd inputs being hashed.
    private const int MaxPresentedLength = 256;

    private ManageToken(string value, string hash)
    {
        Value = value;
        Hash = hash;
    }

    /// <summary>Base64url (no padding) encoding of 32 random bytes; safe to put in a URL as is.</summary>
    public string Value { get; }

    /// <summary>Lower-case hex SHA-256 of the UTF-8 <see cref="Value"/>; 64 characters.</summary>
    public string Hash { get; }

    public static ManageToken Generate()
    {
        var value = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));
        return new ManageToken(value, ComputeHash(value));
    }

    public static string ComputeHash(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }

    /// <summary>Checks a presented token against a stored hash without leaking, through timing, how much matched.</summary>
    public static bool Verify(string? presentedToken, string? storedHash)
    {
        if (string.IsNullOrEmpty(presentedToken) || presentedToken.Length > MaxPresentedLength
            || storedHash is null || storedHash.Length != SHA256.HashSizeInBytes * 2)
        {
            return false;
        }

        byte[] expected;
        try
        {
            expected = Convert.FromHexString(storedHash);
        }
        catch (FormatException)
        {
            return false;
        }

        var actual = SHA256.HashData(Encoding.UTF8.GetBytes(presentedToken));
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    // The generated record ToString would print the secret into any log line that touches it.
    public override string ToString() => $"ManageToken {{ Hash = {Hash} }}";
}
