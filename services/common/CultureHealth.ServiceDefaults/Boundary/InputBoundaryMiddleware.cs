using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace CultureHealth.ServiceDefaults.Boundary;

/// <summary>
/// Runs after routing and before any endpoint: every route value, every query parameter and every header
/// value must be text we accept (<see cref="TextRules"/>), strictly percent-encoded UTF-8. Otherwise the
/// request ends here with a 400 validation problem naming each field at fault, so no endpoint (with or
/// without [AsParameters]) and no SQL statement ever sees it. JSON bodies are checked as they are read
/// (<see cref="BoundaryStringConverter"/>).
/// </summary>
internal sealed class InputBoundaryMiddleware(RequestDelegate next, IProblemDetailsService problems)
{
    // Per endpoint: the request headers it binds to parameters ([FromHeader]), which get a length limit.
    private static readonly ConditionalWeakTable<Endpoint, string[]> BoundHeaders = new();

    public async Task InvokeAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        var errors = Inspect(context, endpoint);
        if (errors is null)
        {
            await next(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new HttpValidationProblemDetails(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()))
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request has invalid fields",
                Detail = "Some values are not text this service accepts: " + string.Join(", ", errors.Keys) + ".",
            },
        });
    }

    internal static Dictionary<string, List<string>>? Inspect(HttpContext context, Endpoint? endpoint)
    {
        Dictionary<string, List<string>>? errors = null;
        void Add(string field, string message)
        {
            errors ??= new Dictionary<string, List<string>>(StringComparer.Ordinal);
            if (!errors.TryGetValue(field, out var list))
            {
                errors[field] = list = [];
            }
            if (!list.Contains(message))
            {
                list.Add(message);
            }
        }

        // Encodings are judged wherever the raw request arrives: forwarding would re-encode a stray "%" as "%25"
        // and hand the service valid-looking text the client never sent.
        var proxied = endpoint?.Metadata.GetMetadata<ProxiedRouteAttribute>() is not null;
        CheckRawPath(context, proxied ? null : endpoint as RouteEndpoint, Add);
        CheckQuery(context.Request.QueryString.Value, Add);
        if (proxied)
        {
            return errors;
        }

        foreach (var (key, value) in context.Request.RouteValues)
        {
            if (value is string text && TextRules.Check(text, TextKind.SingleLine, TextRules.MaxRouteValueLength) is { } problem)
            {
                Add(key, problem);
            }
        }

        var bound = endpoint is null ? [] : BoundHeaders.GetValue(endpoint, HeadersBoundBy);
        foreach (var (name, values) in context.Request.Headers)
        {
            var limit = bound.Contains(name, StringComparer.OrdinalIgnoreCase) ? TextRules.MaxBoundHeaderLength : int.MaxValue;
            foreach (var value in values)
            {
                if (value is not null && TextRules.Check(value, TextKind.HeaderValue, limit) is { } problem)
                {
                    Add(name, problem);
                }
            }
        }
        return errors;
    }

    /// <summary>Each raw path segment must decode to UTF-8; a bad one is named after the route parameter it fills.</summary>
    private static void CheckRawPath(HttpContext context, RouteEndpoint? endpoint, Action<string, string> add)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(raw) || raw[0] != '/')
        {
            return;
        }
        var path = raw.AsSpan();
        var queryStart = path.IndexOf('?');
        if (queryStart >= 0)
        {
            path = path[..queryStart];
        }
        if (path.IndexOf('%') < 0)
        {
            return;
        }

        var index = 0;
        foreach (var range in path[1..].Split('/'))
        {
            var segment = path[1..][range];
            if (!PercentDecoding.TryDecode(segment, plusIsSpace: false, out _, out var error))
            {
                add(ParameterAt(endpoint, index) ?? "path", error!);
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

    internal static void CheckQuery(string? rawQuery, Action<string, string> add)
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

            var keyOk = PercentDecoding.TryDecode(rawKey, plusIsSpace: true, out var key, out var keyError);
            if (keyOk && TextRules.Check(key, TextKind.SingleLine, 200) is { } keyProblem)
            {
                keyOk = false;
                keyError = keyProblem;
            }
            if (!keyOk)
            {
                add("query", "A parameter name: " + keyError);
                continue;
            }

            if (!PercentDecoding.TryDecode(rawValue, plusIsSpace: true, out var value, out var valueError))
            {
                add(key, valueError!);
            }
            else if (TextRules.Check(value, TextKind.SingleLine, TextRules.MaxQueryValueLength) is { } problem)
            {
                add(key, problem);
            }
        }
    }

    private static string[] HeadersBoundBy(Endpoint endpoint) =>
        endpoint.Metadata.GetOrderedMetadata<IParameterBindingMetadata>()
            .SelectMany(p => p.ParameterInfo.GetCustomAttributes(inherit: true).OfType<IFromHeaderMetadata>()
                .Select(h => h.Name ?? p.Name))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();
}

/// <summary>
/// Marks a reverse-proxy route (the gateway's): its route values and headers are the service's to judge, which
/// names its own fields better than a catch-all could; the raw path's encoding and the query are still checked.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class ProxiedRouteAttribute : Attribute;
