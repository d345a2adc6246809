using CultureHealth.ServiceDefaults.Boundary;
using CultureHealth.ServiceDefaults.Http;
using CultureHealth.ServiceDefaults.Problems;
using Microsoft.Net.Http.Headers;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;
using Yarp.ReverseProxy.Transforms;

namespace CultureHealth.Gateway;

/// <summary>
/// What the gateway adds to the services' HTTP semantics: HEAD stays HEAD on its way to a service, no
/// service's Server header leaks out, and a service it cannot reach is a 503 problem with Retry-After
/// (YARP alone answers 502 or 503 with an empty body).
/// </summary>
public static class GatewayHttpSemantics
{
    public static IReverseProxyBuilder AddHttpSemanticsTransforms(this IReverseProxyBuilder proxy) =>
        proxy.AddTransforms(transforms =>
        {
            transforms.AddRequestTransform(static context =>
            {
                // ServiceDefaults routed the HEAD as a GET; the service should see (and skip the body of) a HEAD.
                if (HeadRequests.WasHead(context.HttpContext))
                {
                    context.ProxyRequest.Method = HttpMethod.Head;
                }
                return ValueTask.CompletedTask;
            });
            transforms.AddResponseTransform(static context =>
            {
                context.HttpContext.Response.Headers.Remove(HeaderNames.Server);
                return ValueTask.CompletedTask;
            });
        });

    /// <summary>
    /// Proxied routes get the input boundary's edge part here (encodings, query text) and the rest at the service,
    /// which names its own fields.
    /// </summary>
    public static ReverseProxyConventionBuilder MarkAsProxied(this ReverseProxyConventionBuilder routes) =>
        routes.WithMetadata(new ProxiedRouteAttribute());

    /// <summary>Turns "no healthy destination" and "could not connect" into the service-unavailable problem.</summary>
    public static IApplicationBuilder UseUnavailableUpstreamProblems(this IApplicationBuilder app) =>
        app.Use(static async (context, next) =>
        {
            await next(context);
            if (context.Features.Get<IForwarderErrorFeature>() is { Error: ForwarderError.NoAvailableDestinations or ForwarderError.Request }
                && !context.Response.HasStarted)
            {
                var cluster = context.Features.Get<IReverseProxyFeature>()?.Cluster.Config.ClusterId ?? "upstream";
                await DependencyUnavailable.TryWriteAsync(context, DependencyUnavailable.ServiceProblem(cluster));
            }
        });
}
