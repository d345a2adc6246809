using System.Security.Cryptography;
using System.Text;

namespace CultureHealth.BackOffice.Sessions;

/// <summary>Random, unguessable values (session ids, antiforgery tokens) and the hash a session id is stored under.</summary>
internal static class SessionSecret
{
    private const int Bytes = 32;
    private static readonly int TextLength = Base64Url(new byte[Bytes]).Length;

    public static string New() => Base64Url(RandomNumberGenerator.GetBytes(Bytes));

    public static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    /// <summary>Cheap shape check before a database look-up, so junk cookies cost nothing.</summary>
    public static bool IsWellFormed(string? value) =>
        value is not null && value.Length == TextLength && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static bool FixedTimeEquals(string? a, string b) =>
        a is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
