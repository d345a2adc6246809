using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CultureHealth.ServiceDefaults.Boundary;

/// <summary>
/// The OpenAPI generator describes a type with a custom JSON converter as "anything" ({}), and
/// <see cref="BoundaryStringConverter"/> is one for string. This puts "type": "string" back (with
/// "null" where the property is nullable), so the documents still say what clients must send.
/// </summary>
internal static class OpenApiStringSchemas
{
    public static Task RestoreAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type == typeof(string) && schema.Type is null)
        {
            var nullable = context.JsonPropertyInfo is { IsSetNullable: true } or { IsGetNullable: true };
            schema.Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
        }
        return Task.CompletedTask;
    }
}
