using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace CultureHealth.ServiceDefaults.Http;

/// <summary>
/// HEAD works wherever GET does (RFC 9110 §9.3.2): minimal APIs map GET only, so a HEAD request is routed as
/// a GET before routing runs. Kestrel still knows the request was HEAD and sends the GET's status and headers
/// without its body. <see cref="WasHead"/> lets a proxy (the gateway) forward it as the HEAD it was.
/// </summary>
public static class HeadRequests
{
    private static readonly object Marker = new();

    public static bool WasHead(HttpContext context) => context.Items.ContainsKey(Marker);

    internal static Task RouteAsGet(HttpContext context, RequestDelegate next)
    {
        if (HttpMethods.IsHead(context.Request.Method))
        {
            context.Items[Marker] = true;
            context.Request.Method = HttpMethods.Get;
        }
        return next(context);
    }

    /// <summary>Runs ahead of the whole pipeline, routing included (which WebApplication puts first).</summary>
    internal sealed class StartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(RouteAsGet);
            next(app);
        };
    }
}
