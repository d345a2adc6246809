using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace CultureHealth.ServiceDefaults.Problems;

/// <summary>
/// "Something this request needs is down; nothing is wrong with the request": 503 with Retry-After and a
/// problem type naming what is missing, so a client can tell an outage from a bug (a 500) and retry.
/// </summary>
public static class DependencyUnavailable
{
    public const string DatabaseType = "https://culturehealth/problems/database-unavailable";
    public const string ServiceType = "https://culturehealth/problems/service-unavailable";

    /// <summary>How long a client should wait; outages we recover from (a restart, a fail-over) take seconds.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public static ProblemDetails DatabaseProblem() => new()
    {
        Status = StatusCodes.Status503ServiceUnavailable,
        Type = DatabaseType,
        Title = "The database is unavailable",
        Detail = "This service cannot reach its database just now. Nothing was changed; try again shortly.",
    };

    public static ProblemDetails ServiceProblem(string service) => new()
    {
        Status = StatusCodes.Status503ServiceUnavailable,
        Type = ServiceType,
        Title = $"The {service} service is unavailable",
        Detail = $"The {service} service could not be reached. If the request did not reach it, nothing was changed; try again shortly.",
        Extensions = { ["service"] = service },
    };

    /// <summary>Writes <paramref name="problem"/> with Retry-After, unless the response has already started.</summary>
    public static async ValueTask<bool> TryWriteAsync(HttpContext context, ProblemDetails problem)
    {
        if (context.Response.HasStarted)
        {
            return false;
        }
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = ((int)RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        return await context.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(
            new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }

    /// <summary>The same as an endpoint result, for endpoints that catch the failure themselves.</summary>
    public static IResult Result(ProblemDetails problem) => new UnavailableResult(problem);

    private sealed class UnavailableResult(ProblemDetails problem) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => TryWriteAsync(httpContext, problem).AsTask();
    }
}
