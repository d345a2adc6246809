using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Caching.Hybrid;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace CultureHealth.Storefront.Api;

/// <summary>
/// The one way the website reads the gateway's public API. A failure of any kind (connection refused,
/// timeout, open circuit, 5xx, 429, a body that is not what we expect) becomes <see cref="ApiOutcome.Unavailable"/>,
/// never an exception, so a page renders "… is unavailable right now" for its part instead of a 500.
/// </summary>
public abstract partial class GatewayApi(HttpClient http, HybridCache cache, ILogger logger)
{
    public static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    protected HttpClient Http => http;

    protected ILogger Logger => logger;

    /// <param name="logAs">What the log says instead of <paramref name="path"/> when the path carries a secret (a cart or order token).</param>
    protected async Task<ApiResult<T>> GetAsync<T>(string path, CancellationToken ct, string? logAs = null)
    {
        try
        {
            using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, ct);
            if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest)
            {
                // A 400 to a read is a query we built from the visitor's input (a page number past the end): nothing to show.
                return ApiResult<T>.NotFound();
            }
            if (!response.IsSuccessStatusCode)
            {
                LogFailed(logger, logAs ?? path, (int)response.StatusCode);
                return ApiResult<T>.Unavailable();
            }
            var value = await response.Content.ReadFromJsonAsync<T>(Json, ct);
            return value is null ? ApiResult<T>.Unavailable() : ApiResult<T>.Ok(value);
        }
        catch (Exception e) when (IsOutage(e, ct))
        {
            LogUnreachable(logger, logAs ?? path, e.GetType().Name, e.Message);
            return ApiResult<T>.Unavailable();
        }
    }

    /// <summary>
    /// A read shared by every visitor, kept for <paramref name="duration"/> in this replica's memory (HybridCache:
    /// one call per key at a time, however many visitors ask at once). Outages are never cached; "not found" is.
    /// Never use this for anything that belongs to one visitor (a cart, an order, a booking).
    /// </summary>
    protected async Task<ApiResult<T>> CachedGetAsync<T>(string path, TimeSpan duration, string[] tags, CancellationToken ct)
    {
        if (duration <= TimeSpan.Zero)
        {
            return await GetAsync<T>(path, ct);
        }
        try
        {
            var cached = await cache.GetOrCreateAsync(
                "gateway:" + path,
                (api: this, path),
                static async (state, token) =>
                {
                    var result = await state.api.GetAsync<T>(state.path, token);
                    return result.IsUnavailable ? throw new ApiUnavailableException() : new Cached<T>(result.IsOk, result.Value);
                },
                new HybridCacheEntryOptions { Expiration = duration, LocalCacheExpiration = duration },
                tags,
                ct);
            return cached.Found ? ApiResult<T>.Ok(cached.Value!) : ApiResult<T>.NotFound();
        }
        catch (ApiUnavailableException)
        {
            return ApiResult<T>.Unavailable();
        }
    }

    protected ValueTask ForgetAsync(string tag, CancellationToken ct) => cache.RemoveByTagAsync(tag, ct);

    protected static bool IsOutage(Exception e, CancellationToken ct) => e switch
    {
        HttpRequestException or BrokenCircuitException or TimeoutRejectedException or JsonException or NotSupportedException => true,
        // HttpClient's own timeout, not the visitor closing the page.
        OperationCanceledException => !ct.IsCancellationRequested,
        _ => false,
    };

    /// <summary>Sends a patient's token (from the ch-patient cookie) as the bearer credential, when there is one.</summary>
    protected static void Authorize(HttpRequestMessage request, string? patientToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!string.IsNullOrEmpty(patientToken))
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", patientToken);
        }
    }

    protected static string Query(params (string Name, object? Value)[] parameters)
    {
        var present = parameters.Where(p => p.Value is not null && !(p.Value is string s && string.IsNullOrWhiteSpace(s)))
            .Select(p => $"{p.Name}={Uri.EscapeDataString(Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture)!)}")
            .ToList();
        return present.Count == 0 ? "" : "?" + string.Join('&', present);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "GET {Path} through the gateway answered {StatusCode}; showing it as unavailable")]
    private static partial void LogFailed(ILogger logger, string path, int statusCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "GET {Path} through the gateway failed ({Error}: {Message}); showing it as unavailable")]
    private static partial void LogUnreachable(ILogger logger, string path, string error, string message);
}

/// <summary>What the cache keeps: a value, or the fact that there was none (so a missing slug is not asked for on every hit).</summary>
[System.ComponentModel.ImmutableObject(true)]
public sealed record Cached<T>(bool Found, T? Value);
