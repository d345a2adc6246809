using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CultureHealth.ServiceDefaults.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>
    /// Activity sources and meters of the libraries we run on, and our own ("CultureHealth.*"). Not YARP's:
    /// its forwarder span only wraps the HttpClient span of the same call, and a third span per proxied
    /// request was measurable in the gateway's CPU per request (bench/gateway-overhead.sh).
    /// </summary>
    public static readonly string[] Sources = ["CultureHealth.*", "MassTransit", "Npgsql"];

    /// <summary>
    /// The framework meters whose instruments the dashboards and alerts read (deploy/observability), named one by
    /// one rather than through AddAspNetCoreInstrumentation(), which also subscribes Routing, MemoryPool,
    /// Authentication and Authorization: instruments recorded on every request (the memory pool on every buffer)
    /// that no panel reads, and that cost the gateway measurable CPU per proxied request (bench/gateway-overhead.sh).
    /// </summary>
    public static readonly string[] FrameworkMeters =
    [
        "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Diagnostics",
        "Microsoft.AspNetCore.RateLimiting", "System.Net.Http", "System.Net.NameResolution",
    ];

    /// <summary>Per-request instruments of those meters that nothing reads; http_server_active_requests,
    /// http_client_open_connections and aspnetcore_rate_limiting_requests are on dashboards and stay.</summary>
    public static readonly string[] UnreadPerRequestInstruments =
    [
        "http.client.active_requests",
        "aspnetcore.rate_limiting.active_request_leases",
        "aspnetcore.rate_limiting.request_lease.duration",
    ];

    public static IHostApplicationBuilder AddCultureHealthTelemetry(this IHostApplicationBuilder builder)
    {
        var serviceName = builder.Configuration["OTEL_SERVICE_NAME"] ?? builder.Environment.ApplicationName;

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });
        KeepRequestUrlsOutOfLogs(builder.Logging);

        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName, serviceInstanceId: Environment.MachineName + ":" + Environment.ProcessId))
            .WithMetrics(metrics =>
            {
                metrics
                    .AddRuntimeInstrumentation()
                    .AddMeter(Sources)
                    .AddMeter(FrameworkMeters)
                    .AddPrometheusExporter();
                foreach (var instrument in UnreadPerRequestInstruments)
                {
                    metrics.AddView(instrument, MetricStreamConfiguration.Drop);
                }
            })
            .WithTracing(tracing => tracing
                // First, so every exporter added after it (OTLP below, test exporters) sees redacted spans.
                .AddProcessor(new RedactingSpanProcessor())
                .AddSource(Sources)
                .AddAspNetCoreInstrumentation(o =>
                    // Probes and scrapes would drown the real traffic in the trace view.
                    o.Filter = ctx => !ctx.Request.Path.StartsWithSegments("/health") && !ctx.Request.Path.StartsWithSegments("/metrics"))
                .AddHttpClientInstrumentation());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            otel.UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>
    /// The framework's own request lines carry the raw URL, tokens included: ASP.NET Core's "Request starting …"
    /// and its per-request log scope (RequestPath, attached to every log record of the request with scopes on),
    /// YARP's "Proxying to …" and HttpClient's "Start processing HTTP request …". Those categories are held back
    /// here, after configuration (so an appsettings level cannot turn them on again); the request's span, whose
    /// URL is redacted, is the record of it, and every log record still carries the span's trace id.
    /// </summary>
    private static void KeepRequestUrlsOutOfLogs(ILoggingBuilder logging)
    {
        logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        logging.AddFilter("Yarp.ReverseProxy.Forwarder", LogLevel.Warning);
        logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
    }
}
