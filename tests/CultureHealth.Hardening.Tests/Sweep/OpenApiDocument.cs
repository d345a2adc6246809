using System.Text.Json.Nodes;

namespace CultureHealth.Hardening.Tests.Sweep;

public sealed record ApiParameter(string Name, string In, JsonObject Schema, bool Required);

public sealed record ApiOperation(string Service, string Method, string Path, IReadOnlyList<ApiParameter> Parameters, JsonObject? Body)
{
    /// <summary>Staff operations: the services' /manage API and admin's, apart from signing in.</summary>
    public bool IsStaff => Path.StartsWith("/manage/", StringComparison.Ordinal)
        || (Path.StartsWith("/api/admin/", StringComparison.Ordinal) && !Path.StartsWith("/api/admin/auth/login", StringComparison.Ordinal)
            && !Path.StartsWith("/api/admin/auth/refresh", StringComparison.Ordinal));

    public override string ToString() => $"{Service} {Method} {Path}";
}

/// <summary>The operations of one service's OpenAPI 3.1 document, with every schema reference resolved.</summary>
public sealed class OpenApiDocument(string service, JsonObject document)
{
    public string Service { get; } = service;

    public IEnumerable<ApiOperation> Operations()
    {
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            var shared = item!["parameters"]?.AsArray() ?? [];
            foreach (var (method, operation) in item.AsObject())
            {
                if (method is "parameters" or "summary" or "description" || operation is not JsonObject op)
                {
                    continue;
                }
                var parameters = shared.Concat(op["parameters"]?.AsArray() ?? [])
                    .Select(p => Resolve(p!.AsObject()))
                    .Select(p => new ApiParameter(
                        p["name"]!.GetValue<string>(), p["in"]!.GetValue<string>(),
                        Resolve(p["schema"]?.AsObject() ?? []), p["required"]?.GetValue<bool>() ?? false))
                    .ToList();
                var body = op["requestBody"]?["content"]?["application/json"]?["schema"]?.AsObject();
                yield return new ApiOperation(Service, method.ToUpperInvariant(), path, parameters, body is null ? null : Resolve(body));
            }
        }
    }

    /// <summary>Follows "$ref" (and the "null or $ref" oneOf the generator writes for nullable references).</summary>
    public JsonObject Resolve(JsonObject schema)
    {
        for (var hops = 0; hops < 20; hops++)
        {
            if (schema["$ref"]?.GetValue<string>() is { } reference)
            {
                var name = reference.Split('/')[^1];
                schema = document["components"]!["schemas"]![name]!.AsObject();
                continue;
            }
            if (schema["oneOf"] is JsonArray oneOf && oneOf.OfType<JsonObject>().FirstOrDefault(s => s["type"]?.ToString() != "null") is { } nonNull
                && oneOf.Count <= 2)
            {
                schema = nonNull;
                continue;
            }
            return schema;
        }
        return schema;
    }

    /// <summary>The schema's main type: the first of "type" that is not "null" (integers are also written as "integer or string").</summary>
    public static string TypeOf(JsonObject schema)
    {
        var type = schema["type"];
        var types = type switch
        {
            JsonArray array => array.Select(t => t!.GetValue<string>()).ToList(),
            JsonValue value => [value.GetValue<string>()],
            _ => [],
        };
        if (schema["enum"] is not null && types.Count == 0)
        {
            return "string";
        }
        foreach (var preferred in new[] { "object", "array", "integer", "number", "boolean", "string" })
        {
            if (types.Contains(preferred))
            {
                return preferred;
            }
        }
        return schema["properties"] is not null ? "object" : "string";
    }

    public static string? FormatOf(JsonObject schema) => schema["format"]?.GetValue<string>();
}
