namespace CultureHealth.Gateway;

public static class GatewayExtensions
{
    public static IHostApplicationBuilder AddGateway(this IHostApplicationBuilder builder)
    {
        builder.AddEdgeProtection();
        builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"));
        builder.Services.AddHttpClient(DownstreamHealth.ClientName, c => c.Timeout = TimeSpan.FromSeconds(3));
        builder.Services.AddSingleton<DownstreamHealth>();
        return builder;
    }

    public static WebApplication MapGateway(this WebApplication app)
    {
        app.UseRateLimiter();
        app.MapGet("/health", async (DownstreamHealth health, CancellationToken ct) =>
        {
            var report = await health.CheckAsync(ct);
            return TypedResults.Json(report, statusCode: report.Status == "Healthy" ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        }).AllowAnonymous().WithTags("Health");
        app.MapGet("/api-reference", (IConfiguration config) => TypedResults.Ok(new
        {
            description = "OpenAPI documents of the services behind this gateway",
            documents = new[] { "content", "shop", "booking", "patients", "admin" }.ToDictionary(s => s, s => $"/openapi/{s}.json"),
        })).AllowAnonymous().WithTags("API reference");
        app.MapReverseProxy();
        return app;
    }
}
