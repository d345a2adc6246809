using CultureHealth.ServiceDefaults.Auth;
using CultureHealth.ServiceDefaults.Boundary;
using CultureHealth.ServiceDefaults.Health;
using CultureHealth.ServiceDefaults.Http;
using CultureHealth.ServiceDefaults.OpenApi;
using CultureHealth.ServiceDefaults.Problems;
using CultureHealth.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using System.Text.Json.Serialization;

namespace CultureHealth.ServiceDefaults;

public static class ServiceDefaultsExtensions
{
    /// <summary>The property UseAuthentication sets and WebApplication checks before adding it by itself.</summary>
    private const string AuthenticationMiddlewareSetKey = "__AuthenticationMiddlewareSet";

    /// <summary>
    /// Everything a CultureHealth process needs before its own features: telemetry, health,
    /// problem details, the input boundary, HEAD and no Server header, staff-token validation,
    /// resilient HTTP clients and OpenAPI. A process that never accepts staff tokens (the public website, the
    /// back office) passes <paramref name="staffTokens"/> false, so it is not given the keys that check them.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder, bool staffTokens = true)
    {
        builder.AddCultureHealthTelemetry();
        builder.Services.AddHealthChecks();
        builder.AddProblemResponses();
        builder.AddTrustedProxies();
        builder.AddInputBoundary();
        builder.AddHttpSemantics();
        if (staffTokens)
        {
            builder.AddStaffAuthentication();
        }
        builder.Services.AddPublicAndStaffOpenApi();
        builder.Services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
        });
        builder.Services.ConfigureHttpClientDefaults(http =>
            // Retrying a POST without an idempotency key could charge or book twice.
            http.AddStandardResilienceHandler(o => o.Retry.DisableForUnsafeHttpMethods()));
        return builder;
    }

    /// <summary>The shared middleware and the endpoints every process serves.</summary>
    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        app.UseTrustedForwardedHeaders();
        app.UseNoStoreForSecrets();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseInputBoundary();
        // Every credential here is a bearer token in the Authorization header (staff and patients alike): a request
        // without one is anonymous before any handler runs, so the handlers (resolved per request) run only when one
        // is presented. An endpoint that needs a user still answers 401 through the authorization middleware.
        app.UseWhen(static context => context.Request.Headers.Authorization.Count > 0, static branch => branch.UseAuthentication());
        // UseAuthentication in a branch marks only the branch's copy of the builder's properties; without this mark
        // WebApplication would add the authentication middleware again at the head of the pipeline, for every request.
        ((IApplicationBuilder)app).Properties[AuthenticationMiddlewareSetKey] = true;
        app.UseAuthorization();
        app.MapDefaultEndpoints();
        return app;
    }

    /// <summary>
    /// Prometheus' /metrics. With Metrics:Port set (the gateway and the website in Kubernetes, whose public port
    /// takes every path from the Ingress), it answers only on that port, which only the cluster reaches.
    /// </summary>
    public static IEndpointRouteBuilder MapMetricsEndpoint(this IEndpointRouteBuilder endpoints)
    {
        var metrics = endpoints.MapPrometheusScrapingEndpoint("/metrics");
        var port = endpoints.ServiceProvider.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()["Metrics:Port"];
        if (!string.IsNullOrWhiteSpace(port))
        {
            metrics.RequireHost($"*:{port}");
        }
        return endpoints;
    }

    public static IEndpointRouteBuilder MapDefaultEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthEndpoints();
        endpoints.MapMetricsEndpoint();
        endpoints.MapPublicAndStaffOpenApi();
        return endpoints;
    }
}
