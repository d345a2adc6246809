using System.Net;
using System.Text;
using CultureHealth.ServiceDefaults.Auth;
using CultureHealth.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Forwarder;

namespace CultureHealth.Admin.Forwarding;

/// <summary>
/// The back office for the other services' data: <c>/api/admin/{service}/...</c> is forwarded by YARP's direct
/// forwarder to that service's <c>/manage/{service}/...</c> with the staff member's own token, so the service checks
/// the role again (defence in depth). Bodies stream through byte for byte; <see cref="ManageTransformer"/> rewrites
/// the path and Location and writes the audit entry. Calls go through the standard resilience pipeline (timeouts,
/// circuit breaker; retries only for safe methods); a service that cannot be reached is a 503 problem.
/// </summary>
public static partial class ManageForwarding
{
    /// <summary>The services whose /manage APIs staff reach through admin (each needs Admin:Services:{name}).</summary>
    public static readonly string[] Services = ["content", "shop", "booking"];

    private const int MaxBodyBytes = 1024 * 1024;
    private const string ClientName = "manage-forwarding";
    private static readonly ForwarderRequestConfig RequestConfig = new() { ActivityTimeout = TimeSpan.FromSeconds(100) };

    public static IServiceCollection AddManageForwarding(this IServiceCollection services)
    {
        services.AddHttpForwarder();
        // YARP's advice for a forwarding client: no cookies, redirects, decompression or proxy of its own.
        // The standard resilience handler comes from ServiceDefaults' ConfigureHttpClientDefaults.
        services.AddHttpClient(ClientName).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            EnableMultipleHttp2Connections = true,
        });
        return services;
    }

    public static IEndpointRouteBuilder MapManageForwarding(this IEndpointRouteBuilder app)
    {
        app.MapMethods($"/api/admin/{{service:regex(^({string.Join('|', Services)})$)}}/{{**path}}",
                ["GET", "POST", "PUT", "PATCH", "DELETE"], ForwardAsync)
            .RequireAuthorization(StaffPolicies.AnyStaff)
            .WithTags("Back office");
        return app;
    }

    private static async Task ForwardAsync(HttpContext context, string service, string? path,
        IHttpForwarder forwarder, IHttpMessageHandlerFactory handlers, IOptions<AdminOptions> options, ILoggerFactory logs)
    {
        if (!options.Value.Services.TryGetValue(service, out var destination))
        {
            throw new InvalidOperationException($"Admin:Services:{service} is not configured.");
        }
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            await TypedResults.Problem(title: "Request too large", statusCode: StatusCodes.Status413PayloadTooLarge,
                detail: $"At most {MaxBodyBytes} bytes.").ExecuteAsync(context);
            return;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes; // chunked bodies too
        }

        var handler = handlers.CreateHandler(ClientName);
        using var snapshotClient = new HttpClient(handler, disposeHandler: false);
        var snapshots = new ResourceSnapshots(snapshotClient, new Uri(destination), service,
            context.Request.Headers.Authorization.Count > 0 ? context.Request.Headers.Authorization.ToString() : null,
            logs.CreateLogger(typeof(ManageForwarding)));
        var resource = ResourceSnapshots.ResourceOf(context.Request.Method, path ?? "");
        var before = resource is null ? null : await snapshots.TakeAsync(resource, context.RequestAborted);
        var transformer = new ManageTransformer(service, path ?? "", await ReadAuditedBodyAsync(context),
            before is null ? null : new ChangedResource(resource!, before, snapshots));
        using var invoker = new HttpMessageInvoker(handler, disposeHandler: false);
        var error = await forwarder.SendAsync(context, destination, invoker, RequestConfig, transformer);
        if (error is ForwarderError.Request or ForwarderError.RequestTimedOut && !context.Response.HasStarted)
        {
            LogUnavailable(logs.CreateLogger(typeof(ManageForwarding)), service, error, context.Features.Get<IForwarderErrorFeature>()?.Exception);
            context.Response.Headers.Clear();
            await DependencyUnavailable.TryWriteAsync(context, DependencyUnavailable.ServiceProblem(service));
        }
    }

    /// <summary>
    /// A change's body is part of its audit entry: it is read once into a rewindable buffer (at most
    /// <see cref="MaxBodyBytes"/>) and then streamed on from the start, unchanged.
    /// </summary>
    private static async Task<string?> ReadAuditedBodyAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || !(request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0))
        {
            return null;
        }
        request.EnableBuffering(bufferThreshold: 64 * 1024, bufferLimit: MaxBodyBytes);
        using var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        request.Body.Position = 0;
        return body;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Forwarding to the {Service} service failed ({Error})")]
    private static partial void LogUnavailable(ILogger logger, string service, ForwarderError error, Exception? exception);
}
