using System.Security.Cryptography;
using System.Text;

namespace CultureHealth.Content.Api;

internal static class ClientAddress
{
    /// <summary>
    /// The caller's IP. X-Forwarded-For has already been applied by the forwarded-headers middleware, and only
    /// when the connection came from a trusted proxy (ForwardedHeaders:TrustedProxies); a header from anyone
    /// else is ignored, so a client cannot pick its own address to dodge limits or blur the moderation trail.
    /// </summary>
    public static string Of(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>Keyed hash: enough to link one source's comments, useless for finding the address.</summary>
    public static string Hash(string address, string salt) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(salt), Encoding.UTF8.GetBytes(address)))[..32];
}
