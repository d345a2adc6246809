using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Caching.Hybrid;

namespace CultureHealth.Storefront.Api;

/// <summary>The state of a patient's erasure request, as the patients service reports it.</summary>
public sealed record ErasureState(Guid RequestId, DateTimeOffset RequestedAt, DateTimeOffset? CompletedAt, IReadOnlyList<string> ServicesDone, string Status);

/// <summary>
/// A signed-in patient's own data across the services (UK GDPR access and erasure), always with their patient token:
/// every service answers only for the address the token proves.
/// </summary>
public sealed class PatientDataApi(HttpClient http, HybridCache cache, ILogger<PatientDataApi> logger) : GatewayApi(http, cache, logger)
{
    /// <summary>The services whose <c>GET /api/{service}/me/data</c> make up the export, in the order the file lists them.</summary>
    public static readonly IReadOnlyList<string> ExportedServices = ["patients", "booking", "shop", "content"];

    /// <summary>One service's part of the export, as it sent it (the website does not reinterpret it).</summary>
    public async Task<ApiReply<JsonElement>> ServiceDataAsync(string service, string patientToken, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/{service}/me/data");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", patientToken);
        return await SendForReplyAsync<JsonElement>(request, $"GET {service} patient data", ct);
    }

    /// <summary>Records (or returns the open) erasure request of the token's address; the outcome is emailed.</summary>
    public async Task<ApiReply<ErasureState>> RequestErasureAsync(string patientToken, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/patients/me/erasure");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", patientToken);
        return await SendForReplyAsync<ErasureState>(request, "POST erasure request", ct);
    }

    /// <summary>The latest erasure request of the token's address; NotFound when there is none.</summary>
    public async Task<ApiReply<ErasureState>> ErasureAsync(string patientToken, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/patients/me/erasure");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", patientToken);
        return await SendForReplyAsync<ErasureState>(request, "GET erasure request", ct);
    }
}
