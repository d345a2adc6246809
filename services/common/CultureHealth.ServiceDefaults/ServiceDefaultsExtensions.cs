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
    /// <summary>
    /// Everything a CultureHealth process needs before its own features: telemetry, health,
    /// problem details, the input boundary, HEAD and no Server header, staff-token validation,
    /// resilient HTTP clients and OpenAPI.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder)
    {
        builder.AddCultureHealthTelemetry();
        builder.Services.AddHealthChecks();
        builder.AddProblemResponses();
        builder.AddTrustedProxies();
        builder.AddInputBoundary();
        builder.AddHttpSemantics();
        builder.AddStaffAuthentication();
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
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapDefaultEndpoints();
        return app;
    }

    public static IEndpointRouteBuilder MapDefaultEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthEndpoints();
        endpoints.MapPrometheusScrapingEndpoint("/metrics");
        endpoints.MapPublicAndStaffOpenApi();
        return endpoints;
    }
}
