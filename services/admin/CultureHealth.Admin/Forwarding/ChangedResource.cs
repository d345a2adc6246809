using System.Text;
using System.Text.Json;

namespace CultureHealth.Admin.Forwarding;

/// <summary>
/// A forwarded change's resource as it was before (<paramref name="Before"/>, JSON from the service). Its audit
/// details are <c>{"before":…,"after":…,"sent":…}</c>: "after" is read again only when the change succeeded
/// (a refused change left the resource as it was), "sent" is the request body (JSON kept as JSON).
/// </summary>
internal sealed record ChangedResource(string Resource, string Before, ResourceSnapshots Snapshots)
{
    public async Task<string> DetailsAsync(string? sent, bool succeeded)
    {
        var after = succeeded ? await Snapshots.TakeAsync(Resource, CancellationToken.None) : Before;
        var buffer = new MemoryStream();
        await using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WritePropertyName("before");
            json.WriteRawValue(Before);
            json.WritePropertyName("after");
            if (after is null)
            {
                json.WriteNullValue();
            }
            else
            {
                json.WriteRawValue(after);
            }
            json.WritePropertyName("sent");
            WriteSent(json, sent);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteSent(Utf8JsonWriter json, string? sent)
    {
        if (string.IsNullOrWhiteSpace(sent))
        {
            json.WriteNullValue();
            return;
        }
        try
        {
            using var document = JsonDocument.Parse(sent);
            document.RootElement.WriteTo(json);
        }
        catch (JsonException)
        {
            json.WriteStringValue(sent);
        }
    }
}
