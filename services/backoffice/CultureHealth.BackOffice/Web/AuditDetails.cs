using System.Text.Json;

namespace CultureHealth.BackOffice.Web;

/// <summary>
/// An audit entry's details as an administrator reads them. Admin records a change to an account as
/// <c>{"before":…,"after":…}</c>, a change forwarded to a service as <c>{"before":…,"after":…,"sent":…}</c> when the
/// service shows the changed resource, or else as the request it sent (<see cref="Sent"/> only); reads of patients'
/// data record the query. Shown indented; never interpreted as markup.
/// </summary>
public sealed record AuditDetails(string? Before, string? After, string? Sent)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static AuditDetails Of(string? details)
    {
        if (string.IsNullOrWhiteSpace(details))
        {
            return new(null, null, null);
        }
        try
        {
            using var json = JsonDocument.Parse(details);
            var root = json.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("before", out var before) && root.TryGetProperty("after", out var after))
            {
                var sent = root.TryGetProperty("sent", out var body) && body.ValueKind != JsonValueKind.Null ? Pretty(body) : null;
                return new(Pretty(before), Pretty(after), sent);
            }
            return new(null, null, Pretty(root));
        }
        catch (JsonException)
        {
            return new(null, null, details);
        }
    }

    private static string Pretty(JsonElement element) => JsonSerializer.Serialize(element, Indented);
}
