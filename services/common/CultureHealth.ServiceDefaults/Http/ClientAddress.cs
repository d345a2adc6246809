using Microsoft.AspNetCore.Http;

namespace CultureHealth.ServiceDefaults.Http;

public static class ClientAddress
{
    /// <summary>
    /// The caller's IP as the gateway saw it. Services are reachable only through the gateway, which sets
    /// X-Forwarded-For to the address it saw (after its own trusted-proxy rules); the last entry is the one
    /// a client cannot forge, so that is the one used. Without the header (a direct call), the peer address.
    /// </summary>
    public static string Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
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
}
