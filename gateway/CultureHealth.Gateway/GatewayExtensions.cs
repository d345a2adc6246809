using CultureHealth.ServiceDefaults.Auth;

namespace CultureHealth.Gateway;

public static class GatewayExtensions
{
    public static IHostApplicationBuilder AddGateway(this IHostApplicationBuilder builder)
    {
        builder.AddEdgeProtection();
        builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy")).AddHttpSemanticsTransforms();
        builder.Services.AddHttpClient(DownstreamHealth.ClientName, c => c.Timeout = TimeSpan.FromSeconds(3));
        builder.Services.AddSingleton<DownstreamHealth>();
        return builder;
    }

    public static WebApplication MapGateway(this WebApplication app)
    {
        app.UseRateLimiter();
        // Public: statuses only. The detail (destination addresses, error text) is for admins, and for operators
        // on the cluster network through each service's own /health/ready.
        app.MapGet("/health", async (DownstreamHealth health, CancellationToken ct) =>
        {
            var report = await health.CheckAsync(ct);
            return TypedResults.Json(report.Public(), statusCode: StatusOf(report));
        }).AllowAnonymous().WithTags("Health");
        app.MapGet("/health/details", async (DownstreamHealth health, CancellationToken ct) =>
        {
            var report = await health.CheckAsync(ct);
            return TypedResults.Json(report, statusCode: StatusOf(report));
        }).RequireAuthorization(StaffPolicies.Admin).WithTags("Health");
        app.MapGet("/api-reference", (IConfiguration config) => TypedResults.Ok(new
        {
            description = "OpenAPI documents of the services behind this gateway",
            documents = new[] { "content", "shop", "booking", "admin" }.ToDictionary(s => s, s => $"/openapi/{s}.json"),
        })).AllowAnonymous().WithTags("API reference");
        app.UseUnavailableUpstreamProblems();
        app.MapReverseProxy().MarkAsProxied();
        return app;
    }

    private static int StatusOf(GatewayHealthReport report) =>
        report.Status == "Healthy" ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
}
