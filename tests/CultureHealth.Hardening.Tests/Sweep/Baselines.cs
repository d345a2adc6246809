using System.Globalization;
using System.Text.Json.Nodes;

namespace CultureHealth.Hardening.Tests.Sweep;

/// <summary>
/// Plausible values for every field, so a malformed variant differs from a request the service would
/// take in exactly one place. Ids and slugs come from what the running services listed (harvested from
/// their parameterless reads); the rest follows the schema and the field's name.
/// </summary>
public sealed class Baselines(OpenApiDocument document)
{
    private readonly List<(string Path, JsonNode Json)> _harvest = [];

    public void Harvested(string path, JsonNode json) => _harvest.Add((path, json));

    public string PathValue(ApiOperation op, ApiParameter parameter)
    {
        var prefix = op.Path[..op.Path.IndexOf("{" + parameter.Name, StringComparison.Ordinal)].TrimEnd('/');
        var idLike = parameter.Name == "id" || parameter.Name.EndsWith("Id", StringComparison.Ordinal);
        var fromPrefix = _harvest.Where(h => h.Path == prefix).Select(h => Find(h.Json, parameter.Name) ?? (idLike ? Find(h.Json, "id") : null))
            .FirstOrDefault(v => v is not null);
        return fromPrefix ?? Related(parameter.Name) ?? Scalar(parameter.Name, parameter.Schema);
    }

    public string QueryValue(ApiParameter parameter) => Related(parameter.Name) ?? Scalar(parameter.Name, parameter.Schema);

    /// <summary>"practitionerId" is the "id" of something listed under ".../practitioners".</summary>
    private string? Related(string name)
    {
        if (name.EndsWith("Id", StringComparison.Ordinal) && name.Length > 2)
        {
            var resource = Kebab(name[..^2]);
            foreach (var (path, json) in _harvest)
            {
                var last = path.Split('/')[^1];
                if (last.StartsWith(resource, StringComparison.Ordinal) && Find(json, "id") is { } id)
                {
                    return id;
                }
            }
        }
        return _harvest.Select(h => Find(h.Json, name)).FirstOrDefault(v => v is not null);
    }

    public JsonNode? Body(JsonObject schema, int depth = 0)
    {
        schema = document.Resolve(schema);
        switch (OpenApiDocument.TypeOf(schema))
        {
            case "object":
                var result = new JsonObject();
                if (depth > 4)
                {
                    return result;
                }
                foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
                {
                    result[name] = Value(name, property!.AsObject(), depth + 1);
                }
                return result;
            case "array":
                return new JsonArray(Value("item", schema["items"]?.AsObject() ?? [], depth + 1));
            default:
                return Value("value", schema, depth);
        }
    }

    private JsonNode? Value(string name, JsonObject schema, int depth)
    {
        schema = document.Resolve(schema);
        var type = OpenApiDocument.TypeOf(schema);
        if (type is "object" or "array")
        {
            return Body(schema, depth);
        }
        if (schema["enum"] is JsonArray values && values.FirstOrDefault(v => v is not null) is { } first)
        {
            return first.DeepClone();
        }
        return type switch
        {
            "integer" => 1,
            "number" => 1.5,
            "boolean" => false,
            _ => JsonValue.Create(Scalar(name, schema)),
        };
    }

    public string Scalar(string name, JsonObject schema)
    {
        // A route constraint written as a pattern of alternatives: "^(content|shop|booking)$" takes "content".
        if (schema["pattern"]?.GetValue<string>() is { } pattern && pattern.StartsWith("^(", StringComparison.Ordinal))
        {
            return pattern[2..].Split('|', ')')[0];
        }
        var lower = name.ToLowerInvariant();
        var future = DateTimeOffset.UtcNow.Date.AddDays(30);
        switch (OpenApiDocument.FormatOf(schema))
        {
            case "uuid":
                return Related(name) ?? Guid.NewGuid().ToString();
            case "date-time":
                return future.AddHours(10).ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);
            case "date":
                return future.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            case "int32" or "int64":
                return "1";
        }
        return OpenApiDocument.TypeOf(schema) switch
        {
            "integer" => "1",
            "number" => "1.5",
            "boolean" => "false",
            _ when lower.Contains("email", StringComparison.Ordinal) => "sweep@example.com",
            _ when lower.Contains("password", StringComparison.Ordinal) => "correct horse battery staple 1",
            _ when lower.Contains("phone", StringComparison.Ordinal) => "07700900123",
            _ when lower.Contains("url", StringComparison.Ordinal) => "https://example.com/a.png",
            _ when lower is "start" or "starts" or "startsat" => future.AddHours(10).ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture),
            _ when lower is "date" or "from" or "to" || lower.EndsWith("date", StringComparison.Ordinal) => future.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ when lower.Contains("time", StringComparison.Ordinal) => "09:00",
            _ when lower == "currency" => "GBP",
            _ when lower == "sku" => "SWEEP-1",
            _ when lower.Contains("slug", StringComparison.Ordinal) => "sweep-item",
            _ when lower.Contains("code", StringComparison.Ordinal) => "SWEEP10",
            _ => "sweep " + lower,
        };
    }

    private static string? Find(JsonNode? node, string property)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj[property] is JsonValue value && (value.TryGetValue<string>(out var text) || value.TryGetValue<long>(out _)))
                {
                    return text ?? value.ToJsonString();
                }
                foreach (var (_, child) in obj)
                {
                    if (Find(child, property) is { } found)
                    {
                        return found;
                    }
                }
                return null;
            case JsonArray array:
                return array.Select(item => Find(item, property)).FirstOrDefault(v => v is not null);
            default:
                return null;
        }
    }

    private static string Kebab(string camel) =>
        string.Concat(camel.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "-" : "") + char.ToLowerInvariant(c) : c.ToString()));
}
