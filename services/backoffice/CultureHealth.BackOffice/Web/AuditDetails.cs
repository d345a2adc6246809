using System.Text.Json;

namespace CultureHealth.BackOffice.Web;

/// <summary>
/// An audit entry's details as an administrator reads them. Admin records a change to an account as
/// <c>{"before":…,"after":…}</c> and a change forwarded to a service as the request it sent (the "after");
/// reads of patients' data record the query. Shown indented; never interpreted as markup.
/// </summary>
public sealed record AuditDetails(string? Before, string? After)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static AuditDetails Of(string? details)
    {
        if (string.IsNullOrWhiteSpace(details))
        {
            return new(null, null);
        }
        try
        {
            using var json = JsonDocument.Parse(details);
            var root = json.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("before", out var before) && root.TryGetProperty("after", out var after))
            {
                return new(Pretty(before), Pretty(after));
            }
            return new(null, Pretty(root));
        }
        catch (JsonException)
        {
            return new(null, details);
        }
    }

    private static string Pretty(JsonElement element) => JsonSerializer.Serialize(element, Indented);
}
