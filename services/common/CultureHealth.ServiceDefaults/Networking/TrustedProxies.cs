using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CultureHealth.ServiceDefaults.Networking;

/// <summary>
/// Who the client is, for services behind the gateway. X-Forwarded-For and -Proto are believed only from the
/// proxies listed in <c>ForwardedHeaders:TrustedProxies</c>: addresses ("10.0.0.7") or networks in CIDR form
/// ("10.244.0.0/16"), the same shape as the gateway's <c>Gateway:TrustedProxies</c>. With none listed, only
/// loopback is trusted (ASP.NET Core's default), which is where the gateway is under ./run and in tests; in a
/// cluster the pod network the gateway runs in must be listed. Anyone else's header is ignored and the
/// connection's own address is the client's.
/// </summary>
public static class TrustedProxies
{
    public const string Section = "ForwardedHeaders";

    public static IHostApplicationBuilder AddTrustedProxies(this IHostApplicationBuilder builder)
    {
        // Read when the options are first used, so hosts and test factories can set it after the builder ran.
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((o, config) =>
            Apply(o, config.GetSection($"{Section}:TrustedProxies").Get<string[]>() ?? []));
        return builder;
    }

    /// <summary>Call first in the pipeline: everything after it sees the real client address.</summary>
    public static WebApplication UseTrustedProxies(this WebApplication app)
    {
        app.UseForwardedHeaders();
        return app;
    }

    /// <exception cref="FormatException">An entry is neither an IP address nor a CIDR network.</exception>
    public static void Apply(ForwardedHeadersOptions options, IReadOnlyCollection<string> proxies)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(proxies);
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        // The last hop only: the entry our proxy appended. Earlier entries are whatever the client claimed.
        options.ForwardLimit = 1;
        if (proxies.Count == 0)
        {
            return;
        }

        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var entry in proxies.Select(p => p.Trim()))
        {
            if (entry.Contains('/', StringComparison.Ordinal))
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(entry));
            }
            else
            {
                options.KnownProxies.Add(IPAddress.Parse(entry));
            }
        }
    }
}
