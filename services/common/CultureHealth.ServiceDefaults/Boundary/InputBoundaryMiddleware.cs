using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace CultureHealth.ServiceDefaults.Boundary;

/// <summary>
/// Runs after routing and before any endpoint: every route value, every query parameter and every header
/// value must be text we accept (<see cref="TextRules"/>), strictly percent-encoded UTF-8. Otherwise the
/// request ends here with a 400 validation problem naming each field at fault, so no endpoint (with or
/// without [AsParameters]) and no SQL statement ever sees it. JSON bodies are checked as they are read
/// (<see cref="BoundaryStringConverter"/>). A request that passes allocates nothing here.
/// </summary>
internal sealed class InputBoundaryMiddleware(RequestDelegate next, IProblemDetailsService problems)
{
    // Per endpoint: the request headers it binds to parameters ([FromHeader]), which get a length limit.
    private static readonly ConditionalWeakTable<Endpoint, string[]> BoundHeaders = new();

    public Task InvokeAsync(HttpContext context)
    {
        var errors = Inspect(context, context.GetEndpoint());
        return errors is null ? next(context) : RefuseAsync(context, errors);
    }

    private Task RefuseAsync(HttpContext context, FieldErrors errors)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        return problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new HttpValidationProblemDetails(errors.ToDictionary())
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request has invalid fields",
                Detail = "Some values are not text this service accepts: " + string.Join(", ", errors.Fields) + ".",
            },
        }).AsTask();
    }

    internal static FieldErrors? Inspect(HttpContext context, Endpoint? endpoint)
    {
        FieldErrors? errors = null;

        // Encodings are judged wherever the raw request arrives: forwarding would re-encode a stray "%" as "%25"
        // and hand the service valid-looking text the client never sent.
        var proxied = endpoint?.Metadata.GetMetadata<ProxiedRouteAttribute>() is not null;
        CheckRawPath(context, proxied ? null : endpoint as RouteEndpoint, ref errors);
        CheckQuery(context.Request.QueryString.Value, ref errors);
        // Headers too, proxied or not: a header value the forwarder cannot send (not ASCII) must be the sender's 400.
        var bound = endpoint is null || proxied ? [] : BoundHeaders.GetValue(endpoint, HeadersBoundBy);
        foreach (var (name, values) in context.Request.Headers)
        {
            var limit = bound.Length > 0 && bound.Contains(name, StringComparer.OrdinalIgnoreCase) ? TextRules.MaxBoundHeaderLength : int.MaxValue;
            foreach (var value in values)
            {
                if (value is not null && TextRules.Check(value, TextKind.HeaderValue, limit) is { } problem)
                {
                    FieldErrors.Add(ref errors, name, problem);
                }
            }
        }
        if (proxied)
        {
            return errors;
        }

        foreach (var (key, value) in context.Request.RouteValues)
        {
            if (value is string text && TextRules.Check(text, TextKind.SingleLine, TextRules.MaxRouteValueLength) is { } problem)
            {
                FieldErrors.Add(ref errors, key, problem);
            }
        }

        return errors;
    }

    /// <summary>Each raw path segment must decode to UTF-8; a bad one is named after the route parameter it fills.</summary>
    private static void CheckRawPath(HttpContext context, RouteEndpoint? endpoint, ref FieldErrors? errors)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(raw) || raw[0] != '/' || !raw.Contains('%', StringComparison.Ordinal))
        {
            return;
        }
        var path = raw.AsSpan(1);
        var queryStart = path.IndexOf('?');
        if (queryStart >= 0)
        {
            path = path[..queryStart];
        }

        var index = 0;
        foreach (var range in path.Split('/'))
        {
            if (!PercentDecoding.TryDecode(path[range], plusIsSpace: false, out _, out var error))
            {
                FieldErrors.Add(ref errors, ParameterAt(endpoint, index) ?? "path", error!);
            }
            index++;
        }
    }

    private static string? ParameterAt(RouteEndpoint? endpoint, int segmentIndex)
    {
        var segments = endpoint?.RoutePattern.PathSegments;
        if (segments is null || segments.Count == 0)
        {
            return null;
        }
        // A catch-all parameter takes every remaining segment.
        var segment = segments[Math.Min(segmentIndex, segments.Count - 1)];
        return segment.Parts.OfType<RoutePatternParameterPart>().FirstOrDefault()?.Name;
    }

    internal static void CheckQuery(string? rawQuery, ref FieldErrors? errors)
    {
        if (string.IsNullOrEmpty(rawQuery))
        {
            return;
        }
        var query = rawQuery.AsSpan(rawQuery[0] == '?' ? 1 : 0);
        foreach (var range in query.Split('&'))
        {
            var pair = query[range];
            if (pair.IsEmpty)
            {
                continue;
            }
            var equals = pair.IndexOf('=');
            var rawKey = equals < 0 ? pair : pair[..equals];
            var rawValue = equals < 0 ? [] : pair[(equals + 1)..];

            // Plain text (no % or +) is judged as it stands; only encoded text is decoded first.
            string? keyError = null;
            string? key = null;
            if (IsPlain(rawKey))
            {
                keyError = TextRules.Check(rawKey, TextKind.SingleLine, 200);
            }
            else if (PercentDecoding.TryDecode(rawKey, plusIsSpace: true, out var decodedKey, out keyError))
            {
                key = decodedKey;
                keyError = TextRules.Check(decodedKey, TextKind.SingleLine, 200);
            }
            if (keyError is not null)
            {
                FieldErrors.Add(ref errors, "query", "A parameter name: " + keyError);
                continue;
            }

            string? valueError;
            if (IsPlain(rawValue))
            {
                valueError = TextRules.Check(rawValue, TextKind.SingleLine, TextRules.MaxQueryValueLength);
            }
            else if (PercentDecoding.TryDecode(rawValue, plusIsSpace: true, out var value, out valueError))
            {
                valueError = TextRules.Check(value, TextKind.SingleLine, TextRules.MaxQueryValueLength);
            }
            if (valueError is not null)
            {
                FieldErrors.Add(ref errors, key ?? rawKey.ToString(), valueError);
            }
        }
    }

    private static bool IsPlain(ReadOnlySpan<char> raw) => raw.IndexOfAny('%', '+') < 0;

    private static string[] HeadersBoundBy(Endpoint endpoint) =>
        endpoint.Metadata.GetOrderedMetadata<IParameterBindingMetadata>()
            .SelectMany(p => p.ParameterInfo.GetCustomAttributes(inherit: true).OfType<IFromHeaderMetadata>()
                .Select(h => h.Name ?? p.Name))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();
}

/// <summary>Messages per field, made only once a request turns out to be at fault.</summary>
internal sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _messages = new(StringComparer.Ordinal);

    public IEnumerable<string> Fields => _messages.Keys;

    public static void Add(ref FieldErrors? errors, string field, string message)
    {
        errors ??= new FieldErrors();
        if (!errors._messages.TryGetValue(field, out var list))
        {
            errors._messages[field] = list = [];
        }
        if (!list.Contains(message))
        {
            list.Add(message);
        }
    }

    public Dictionary<string, string[]> ToDictionary() => _messages.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}

/// <summary>
/// Marks a reverse-proxy route (the gateway's): its route values and headers are the service's to judge, which
/// names its own fields better than a catch-all could; the raw path's encoding and the query are still checked.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class ProxiedRouteAttribute : Attribute;
