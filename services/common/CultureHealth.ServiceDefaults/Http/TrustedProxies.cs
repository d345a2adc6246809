using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CultureHealth.ServiceDefaults.Http;

/// <summary>
/// Believes X-Forwarded-For / X-Forwarded-Proto only from the proxies in front of this process, given as CIDR
/// networks or single addresses (the ingress controller's pod network for the gateway; the gateway's for a
/// service). From any other caller the headers are ignored, so a client cannot choose its own address for per-IP
/// limits. The chain is read right to left through trusted hops, so a client behind two trusted proxies is found.
/// </summary>
public static class TrustedProxies
{
    /// <summary>Where services read their proxies; the gateway reads <c>Gateway:TrustedNetworks</c>.</summary>
    public const string DefaultKey = "ForwardedHeaders:TrustedProxies";

    /// <param name="trustLoopbackWhenEmpty">
    /// Services: with nothing configured, the gateway on this machine (loopback) is the proxy, as under ./run and in
    /// tests. The gateway passes false: with nothing configured it believes no one.
    /// </param>
    public static IHostApplicationBuilder AddTrustedProxies(this IHostApplicationBuilder builder, string configurationKey = DefaultKey, bool trustLoopbackWhenEmpty = true)
    {
        var networks = Parse(builder.Configuration.GetSection(configurationKey).Get<string[]>() ?? [], configurationKey);
        if (networks.Count == 0 && trustLoopbackWhenEmpty)
        {
            networks = [System.Net.IPNetwork.Parse("127.0.0.0/8"), System.Net.IPNetwork.Parse("::1/128")];
        }
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            // Empty lists would make the middleware trust every caller: with no networks configured, trust none.
            o.ForwardedHeaders = networks.Count == 0 ? ForwardedHeaders.None : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
            o.ForwardLimit = null;
            foreach (var network in networks)
            {
                o.KnownIPNetworks.Add(network);
            }
        });
        return builder;
    }

    /// <summary>Reads the forwarded headers as configured; once per pipeline however often it is called.</summary>
    public static IApplicationBuilder UseTrustedForwardedHeaders(this IApplicationBuilder app)
    {
        if (app.Properties.TryAdd(UsedMarker, true))
        {
            app.UseForwardedHeaders();
        }
        return app;
    }

    private const string UsedMarker = "CultureHealth.TrustedForwardedHeaders";

    /// <summary>"10.0.0.0/8", "127.0.0.1" (one address) or "::1/128"; a wrong entry stops start-up with its key.</summary>
    public static IReadOnlyList<System.Net.IPNetwork> Parse(IEnumerable<string> entries, string configurationKey)
    {
        var networks = new List<System.Net.IPNetwork>();
        foreach (var entry in entries.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.Trim()))
        {
            if (System.Net.IPNetwork.TryParse(entry, out var network))
            {
                networks.Add(network);
            }
            else if (IPAddress.TryParse(entry, out var address))
            {
                networks.Add(new System.Net.IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128));
            }
            else
            {
                throw new InvalidOperationException($"{configurationKey}: '{entry}' is neither a CIDR network nor an IP address.");
            }
        }
        return networks;
    }
}
