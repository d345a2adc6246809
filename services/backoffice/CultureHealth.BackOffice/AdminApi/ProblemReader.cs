using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace CultureHealth.BackOffice.AdminApi;

/// <summary>Turns a non-success answer from admin into an <see cref="AdminProblem"/>.</summary>
internal static class ProblemReader
{
    public static async Task<AdminProblem> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var status = (int)response.StatusCode;
        var retryAfter = RetryAfter(response);
        try
        {
            if (response.Content.Headers.ContentType?.MediaType is "application/problem+json" or "application/json")
            {
                var json = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
                var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
                if (json.ValueKind == JsonValueKind.Object && json.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Object)
                {
                    foreach (var field in e.EnumerateObject())
                    {
                        errors[field.Name] = field.Value.ValueKind == JsonValueKind.Array
                            ? [.. field.Value.EnumerateArray().Select(v => v.ToString())]
                            : [field.Value.ToString()];
                    }
                }
                return new AdminProblem(status, Text(json, "title") ?? response.ReasonPhrase ?? "Refused", Text(json, "detail"), errors, retryAfter);
            }
        }
        catch (JsonException)
        {
            // Not a problem document after all: fall through to the status alone.
        }
        return status >= 500
            ? AdminProblem.Unavailable(retryAfter)
            : new AdminProblem(status, response.ReasonPhrase ?? "Refused", null, new Dictionary<string, string[]>(), retryAfter);
    }

    private static string? Text(JsonElement json, string name) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter is { } header)
        {
            if (header.Delta is { } delta)
            {
                return delta;
            }
            if (header.Date is { } date)
            {
                return date - DateTimeOffset.UtcNow;
            }
        }
        return response.Headers.TryGetValues("Retry-After", out var values)
            && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : null;
    }
}
