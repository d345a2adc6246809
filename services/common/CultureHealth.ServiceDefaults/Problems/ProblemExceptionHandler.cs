using System.Globalization;
using System.Text.Json;
using CultureHealth.ServiceDefaults.Boundary;
using CultureHealth.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace CultureHealth.ServiceDefaults.Problems;

/// <summary>Turns the exceptions that mean "bad input" or "rule refused" into 4xx problems.</summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            ProblemException p => FromProblem(p),
            BadHttpRequestException bad => FromBadRequest(bad),
            _ => null,
        };
        if (problem is null)
        {
            LogUnhandled(logger, exception, httpContext.Request.Method, SecretRedaction.RedactPath(httpContext.Request.Path.Value ?? ""));
            return false;
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status400BadRequest;
        if (exception is ProblemException { RetryAfter: { } retryAfter })
        {
            httpContext.Response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static ProblemDetails FromProblem(ProblemException p)
    {
        var problem = p.Field is not null
            ? new HttpValidationProblemDetails(new Dictionary<string, string[]> { [p.Field] = [p.Message] })
            {
                Status = p.Status, Title = p.Title, Detail = p.Message, Type = p.Type,
            }
            : new ProblemDetails { Status = p.Status, Title = p.Title, Detail = p.Message, Type = p.Type };
        foreach (var (name, value) in p.Extensions ?? new Dictionary<string, object?>())
        {
            problem.Extensions[name] = value;
        }
        return problem;
    }

    private static ProblemDetails FromBadRequest(BadHttpRequestException bad)
    {
        var status = bad.StatusCode is >= 400 and < 500 ? bad.StatusCode : StatusCodes.Status400BadRequest;
        if (FindJsonException(bad) is { } json)
        {
            var field = string.IsNullOrEmpty(json.Path) ? "body" : json.Path.TrimStart('$', '.');
            return new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                [string.IsNullOrEmpty(field) ? "body" : field] =
                    [json is RefusedJsonValueException ? json.Message : "The value could not be read: check its type and format."],
            })
            {
                Status = status, Title = "The request body is not valid JSON for this request", Detail = json.Message,
            };
        }
        if (BindingFailures.FieldOf(bad) is { } parameter)
        {
            return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [parameter] = [bad.Message] })
            {
                Status = status, Title = "The request has invalid fields", Detail = bad.Message,
            };
        }
        return new ProblemDetails { Status = status, Title = "Bad request", Detail = bad.Message };
    }

    private static JsonException? FindJsonException(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is JsonException json)
            {
                return json;
            }
        }
        return null;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}
