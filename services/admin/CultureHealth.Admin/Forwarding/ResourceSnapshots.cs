using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Net.Http.Headers;

namespace CultureHealth.Admin.Forwarding;

/// <summary>
/// The audit log's "before" and "after" for a change forwarded to a service: the changed resource as the service
/// itself shows it (its GET, with the staff member's own token, so the service's role rules still decide), read just
/// before the change is forwarded and again once it succeeded. The resource of a change is its path up to the last
/// id (<c>bookings/{id}/no-show</c> is about <c>bookings/{id}</c>); a change with no id in its path (a creation)
/// has no before. A snapshot the service will not give, or that is not JSON or too large, is left out: the entry
/// then records what was sent, as before.
/// </summary>
internal sealed partial class ResourceSnapshots(HttpClient client, Uri destination, string service, string? authorization, ILogger logger)
{
    public const int MaxSnapshotChars = 16_000;

    /// <summary>The path of the resource a change is about, or null when the change names none.</summary>
    public static string? ResourceOf(string method, string path)
    {
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method))
        {
            return null;
        }
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var last = segments.Length - 1; last >= 0; last--)
        {
            if (Guid.TryParse(segments[last], out _))
            {
                return string.Join('/', segments, 0, last + 1);
            }
        }
        return null;
    }

    public async Task<string?> TakeAsync(string resource, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(destination, $"/manage/{service}/{resource}"));
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation(HeaderNames.Authorization, authorization);
        }
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType?.EndsWith("json", StringComparison.OrdinalIgnoreCase) != true
                || response.Content.Headers.ContentLength > MaxSnapshotChars)
            {
                return null;
            }
            var body = await response.Content.ReadAsStringAsync(ct);
            return body.Length <= MaxSnapshotChars && IsJson(body) ? body : null;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            LogSnapshotFailed(logger, service, resource, e);
            return null;
        }
    }

    private static bool IsJson(string body)
    {
        try
        {
            using var _ = JsonDocument.Parse(body);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No audit snapshot of {Service} {Resource}")]
    private static partial void LogSnapshotFailed(ILogger logger, string service, string resource, Exception exception);
}
