using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace CultureHealth.BackOffice.AdminApi;

/// <summary>
/// The one HTTP connection to admin's API (its internal address). Every request carries the browser's
/// address in X-Forwarded-For (<see cref="ForwardClientAddress"/>), so admin's per-client limits see each
/// member of staff, not the back office. Failures to reach admin become <see cref="AdminProblem.Unavailable"/>.
/// </summary>
public sealed partial class AdminConnection(HttpClient http, ILogger<AdminConnection> logger)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<AdminResult<T>> SendAsync<T>(
        HttpMethod method, string path, object? body, string? bearer, string? idempotencyKey, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, new Uri(path.TrimStart('/'), UriKind.Relative));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        }
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }
        if (idempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        }
        try
        {
            using var response = await http.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
            {
                return await ProblemReader.ReadAsync(response, ct);
            }
            if (response.StatusCode == HttpStatusCode.NoContent || typeof(T) == typeof(NoContent))
            {
                return new AdminResult<T>(default, null);
            }
            return new AdminResult<T>(await response.Content.ReadFromJsonAsync<T>(Json, ct), null);
        }
        catch (Exception e) when (e is HttpRequestException or BrokenCircuitException or TimeoutRejectedException
            or TaskCanceledException && !ct.IsCancellationRequested)
        {
            LogUnavailable(logger, method.Method, path, e);
            return AdminProblem.Unavailable();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Admin did not answer {Method} {Path}")]
    private static partial void LogUnavailable(ILogger logger, string method, string path, Exception exception);
}

/// <summary>For calls whose success has no body.</summary>
public sealed record NoContent;

/// <summary>Passes the browser's address (as the trusted gateway reported it) on to admin.</summary>
public sealed class ForwardClientAddress(IHttpContextAccessor accessor) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (accessor.HttpContext?.Connection.RemoteIpAddress is { } address)
        {
            request.Headers.Remove("X-Forwarded-For");
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString());
        }
        return base.SendAsync(request, cancellationToken);
    }
}
