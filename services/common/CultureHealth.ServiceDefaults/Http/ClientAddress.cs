using Microsoft.AspNetCore.Http;

namespace CultureHealth.ServiceDefaults.Http;

public static class ClientAddress
{
    /// <summary>
    /// The caller's IP, for per-client limits. The forwarded-headers middleware (<see cref="TrustedProxies"/>) has
    /// already replaced the peer address with the one a trusted proxy (the gateway) reports, so a client cannot choose
    /// its own by sending X-Forwarded-For. Without a trusted proxy in front, the peer address.
    /// </summary>
    public static string Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
    }
}
