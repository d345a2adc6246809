using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using CultureHealth.ServiceDefaults.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CultureHealth.Gateway;

/// <summary>What the public front door does before anything reaches a service.</summary>
public static class EdgeProtection
{
    public const string CorsPolicy = "storefront";

    public static IHostApplicationBuilder AddEdgeProtection(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(GatewayOptions.Section).Get<GatewayOptions>() ?? new GatewayOptions();

        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            k.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(15);
        });

        // Only the proxies in front of us (the ingress controller's network) may say who the client is and whether it
        // came over https; from anyone else X-Forwarded-* is ignored, so per-IP limits cannot be dodged or pooled.
        builder.AddTrustedProxies($"{GatewayOptions.Section}:{nameof(GatewayOptions.TrustedNetworks)}", trustLoopbackWhenEmpty: false);

        builder.Services.AddCors(o => o.AddPolicy(CorsPolicy, p => p
            .WithOrigins([.. options.CorsOrigins])
            .WithMethods("GET", "POST", "PUT", "DELETE", "PATCH")
            .WithHeaders("Content-Type", "Authorization", "Idempotency-Key", "traceparent")
            .WithExposedHeaders("Location", "Retry-After", "ETag")
            .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));

        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            foreach (var policy in RateLimitPolicies.All)
            {
                // Built once per policy, not per request: the partition key is the client's address itself (no string
                // formatted per request), and one options object serves every partition's limiter.
                var window = new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.RateLimits.GetValueOrDefault(policy, 60), Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
                };
                Func<IPAddress, FixedWindowRateLimiterOptions> windowFor = _ => window;
                o.AddPolicy(policy, ctx => RateLimitPartition.GetFixedWindowLimiter(ctx.Connection.RemoteIpAddress ?? IPAddress.None, windowFor));
            }
            o.OnRejected = async (context, ct) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests", Detail = $"Try again in {Math.Ceiling(retryAfter.TotalSeconds)} seconds." },
                });
            };
        });
        return builder;
    }

    public static WebApplication UseEdgeProtection(this WebApplication app)
    {
        app.UseTrustedForwardedHeaders();
        app.Use(static (context, next) =>
        {
            // Defaults for whatever the response did not set itself. Set when the response starts, after YARP has
            // copied the destination's headers: the website's pages bring their own CSP (with a nonce), and two
            // policies would both be enforced, blocking everything.
            context.Response.OnStarting(static state =>
            {
                var http = (HttpContext)state;
                var headers = http.Response.Headers;
                headers.TryAdd("X-Content-Type-Options", "nosniff");
                headers.TryAdd("X-Frame-Options", "DENY");
                headers.TryAdd("Referrer-Policy", "strict-origin-when-cross-origin");
                headers.TryAdd("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
                headers.TryAdd("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
                // Behind TLS offload the ingress says https in X-Forwarded-Proto; UseTrustedForwardedHeaders made that the request's scheme.
                if (http.Request.IsHttps)
                {
                    headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
                }
                return Task.CompletedTask;
            }, context);
            return next(context);
        });
        app.UseCors(CorsPolicy);
        return app;
    }
}
