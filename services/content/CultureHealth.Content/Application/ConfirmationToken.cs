using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace CultureHealth.Content.Application;

/// <summary>
/// The secret in a commenter's confirmation link: 256 random bits, base64url; only its SHA-256 is stored.
/// Shaped like the shared SecretToken the idempotency work brings to services/common; switch to it once it lands.
/// </summary>
internal sealed record ConfirmationToken(string Value, string Hash)
{
    public const int TokenLength = 43;

    public static ConfirmationToken Generate()
    {
        var value = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return new ConfirmationToken(value, HashOf(value));
    }

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public override string ToString() => $"ConfirmationToken {{ Hash = {Hash} }}";
}
