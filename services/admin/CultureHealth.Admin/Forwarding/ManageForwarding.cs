using System.Net.Http.Headers;
using System.Text;
using CultureHealth.Admin.Application;
using CultureHealth.Admin.Domain;
using CultureHealth.ServiceDefaults.Auth;
using CultureHealth.ServiceDefaults.Problems;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace CultureHealth.Admin.Forwarding;

/// <summary>
/// The back office for the other services' data: <c>/api/admin/{service}/...</c> is forwarded to that
/// service's <c>/manage/{service}/...</c> with the staff member's own token, so the service checks the
/// role again (defence in depth). Every change is written to the audit log, and so is every read of patients'
/// or customers' data (<see cref="PatientDataReads"/>). Calls go through the
/// standard resilience pipeline (timeouts, circuit breaker; retries only for safe methods).
/// </summary>
public static partial class ManageForwarding
{
    public static readonly string[] Services = ["content", "shop", "booking"];
    private const int MaxBodyBytes = 1024 * 1024;
    private static readonly string[] CopiedResponseHeaders = ["Location", "ETag", "Last-Modified", "Retry-After", "Cache-Control"];

    public static IServiceCollection AddManageClients(this IServiceCollection services)
    {
        foreach (var service in Services)
        {
            services.AddHttpClient(ClientName(service)).ConfigureHttpClient((sp, client) =>
            {
                var options = sp.GetRequiredService<IOptions<AdminOptions>>().Value;
                if (!options.Services.TryGetValue(service, out var address))
                {
                    throw new InvalidOperationException($"Admin:Services:{service} is not configured.");
                }
                client.BaseAddress = new Uri(address);
            });
        }
        return services;
    }

    public static IEndpointRouteBuilder MapManageForwarding(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/api/admin/{service:regex(^(content|shop|booking)$)}/{**path}", ["GET", "POST", "PUT", "PATCH", "DELETE"], ForwardAsync)
            .RequireAuthorization(StaffPolicies.AnyStaff)
            .WithTags("Back office");
        return app;
    }

    private static string ClientName(string service) => "manage-" + service;

    private static async Task<IResult> ForwardAsync(
        HttpContext context, string service, string? path, IHttpClientFactory clients, AuditLog audit, ILoggerFactory logs, CancellationToken ct)
    {
        var method = context.Request.Method;
        using var request = new HttpRequestMessage(new HttpMethod(method), $"/manage/{service}/{path}{context.Request.QueryString}");
        request.Headers.Authorization = AuthenticationHeaderValue.Parse(context.Request.Headers.Authorization.ToString());
        if (context.Request.Headers.TryGetValue("Idempotency-Key", out var key))
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", key.ToString());
        }

        string? body = null;
        if (context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            if (context.Request.ContentLength > MaxBodyBytes)
            {
                return TypedResults.Problem(title: "Request too large", statusCode: StatusCodes.Status413PayloadTooLarge,
                    detail: $"At most {MaxBodyBytes} bytes.");
            }
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            body = await reader.ReadToEndAsync(ct);
            request.Content = new StringContent(body, Encoding.UTF8,
                MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type) ? type.MediaType ?? "application/json" : "application/json");
        }

        HttpResponseMessage response;
        try
        {
            response = await clients.CreateClient(ClientName(service)).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        }
        catch (Exception e) when (e is HttpRequestException or BrokenCircuitException or TimeoutRejectedException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            LogUnavailable(logs.CreateLogger(typeof(ManageForwarding)), service, e);
            return DependencyUnavailable.Result(DependencyUnavailable.ServiceProblem(service));
        }

        using (response)
        {
            context.Response.StatusCode = (int)response.StatusCode;
            foreach (var header in CopiedResponseHeaders)
            {
                if (response.Headers.TryGetValues(header, out var values) || response.Content.Headers.TryGetValues(header, out values))
                {
                    context.Response.Headers[header] = header == "Location"
                        ? values.First().Replace($"/manage/{service}/", $"/api/admin/{service}/", StringComparison.Ordinal)
                        : values.ToArray();
                }
            }
            if (response.Content.Headers.ContentType is { } contentType)
            {
                context.Response.ContentType = contentType.ToString();
            }
            await response.Content.CopyToAsync(context.Response.Body, ct);

            if (!HttpMethods.IsGet(method))
            {
                await audit.RecordAsync(context.User, $"{method} /{service}/{path}", path ?? "", (int)response.StatusCode, body, CancellationToken.None);
            }
            else if (PatientDataReads.Covers(service, path))
            {
                await audit.RecordAsync(context.User, $"read GET /{service}/{path}", path ?? "", (int)response.StatusCode,
                    context.Request.QueryString.HasValue ? context.Request.QueryString.Value : null, CancellationToken.None);
            }
        }
        return Results.Empty;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Forwarding to the {Service} service failed")]
    private static partial void LogUnavailable(ILogger logger, string service, Exception exception);
}
