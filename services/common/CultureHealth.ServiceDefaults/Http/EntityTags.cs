using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CultureHealth.ServiceDefaults.Http;

/// <summary>
/// Conditional GETs: a representation's ETag is a hash of its bytes, and a request whose If-None-Match
/// already holds it gets 304 Not Modified with no body (RFC 9110 §13.1.2). The feeds answer with
/// <see cref="Respond"/>; JSON reads opt in with <see cref="WithEntityTag"/>.
/// </summary>
public static class EntityTags
{
    public static EntityTagHeaderValue For(ReadOnlySpan<byte> representation) =>
        new("\"" + Convert.ToHexStringLower(SHA256.HashData(representation))[..32] + "\"");

    /// <summary>Sets ETag (and Last-Modified, if given) and answers 304 when the client's copy is current.</summary>
    public static IResult Respond(HttpContext http, byte[] representation, string contentType, DateTimeOffset? lastModified = null)
    {
        var etag = For(representation);
        var headers = http.Response.GetTypedHeaders();
        headers.ETag = etag;
        // HTTP dates have whole seconds; truncate so If-Modified-Since comparisons are exact.
        var modified = lastModified is { } m ? new DateTimeOffset(m.UtcTicks - m.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero) : (DateTimeOffset?)null;
        if (modified is not null)
        {
            headers.LastModified = modified;
        }
        return IsNotModified(http.Request, etag, modified)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Bytes(representation, contentType);
    }

    /// <summary>If-None-Match wins over If-Modified-Since when both are sent (RFC 9110 §13.2.2).</summary>
    public static bool IsNotModified(HttpRequest request, EntityTagHeaderValue etag, DateTimeOffset? lastModified = null)
    {
        var conditions = request.GetTypedHeaders();
        return conditions.IfNoneMatch.Count > 0
            ? conditions.IfNoneMatch.Any(t => t.Tag == "*" || t.Compare(etag, useStrongComparison: false))
            : conditions.IfModifiedSince is { } since && lastModified is { } modified && modified <= since;
    }

    /// <summary>
    /// A JSON read whose 200 answer carries an ETag and turns into 304 when If-None-Match matches. The body is
    /// serialised once, with the app's JSON options, to hash exactly the bytes that are sent.
    /// </summary>
    public static RouteHandlerBuilder WithEntityTag(this RouteHandlerBuilder builder)
    {
        builder.AddEndpointFilter(async (context, next) =>
        {
            var result = await next(context);
            // A handler declared as Results<Ok<T>, NotFound> returns the union; the answer is inside it.
            var answer = result is INestedHttpResult nested ? nested.Result : result;
            if (answer is not (IValueHttpResult { Value: { } value } and IStatusCodeHttpResult { StatusCode: StatusCodes.Status200OK }))
            {
                return result;
            }
            var http = context.HttpContext;
            var json = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            var bytes = JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), json);
            return Respond(http, bytes, "application/json; charset=utf-8");
        });
        return builder.Produces(StatusCodes.Status304NotModified);
    }
}
