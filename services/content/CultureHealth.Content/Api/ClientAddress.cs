using System.Security.Cryptography;
using System.Text;

namespace CultureHealth.Content.Api;

internal static class ClientAddress
{
    /// <summary>
    /// The caller's IP. The service is reachable only through the gateway, which sets X-Forwarded-For to
    /// the address it saw; its last entry is the one a client cannot forge, so that is the one used.
    /// </summary>
    public static string Of(HttpContext context)
    {
        var forwarded = context.Request.Headers["X-Forwarded-For"].ToString();
        if (!string.IsNullOrWhiteSpace(forwarded))
        {
            var last = forwarded.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
            if (!string.IsNullOrEmpty(last))
            {
                return last;
            }
        }
        return context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
    }

    /// <summary>Keyed hash: enough to link one source's comments, useless for finding the address.</summary>
    public static string Hash(string address, string salt) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(salt), Encoding.UTF8.GetBytes(address)))[..32];
}
