using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace CultureHealth.ServiceDefaults.Problems;

/// <summary>
/// The default problem writer steps aside when the request's Accept header leaves out JSON
/// ("Accept: application/xml"); status-code pages then answer in plain text and a thrown problem
/// becomes a 500. Errors have one format here: this writer, registered last, writes problem+json
/// whatever the client asked for (RFC 9110 lets a server ignore Accept rather than answer 406).
/// </summary>
internal sealed class ProblemJsonFallbackWriter(IOptions<ProblemDetailsOptions> problemOptions, IOptions<JsonOptions> jsonOptions) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var problem = context.ProblemDetails;
        problem.Status ??= http.Response.StatusCode;
        problem.Title ??= ReasonPhrases.GetReasonPhrase(problem.Status.Value);
        problemOptions.Value.CustomizeProblemDetails?.Invoke(context);
        return new ValueTask(http.Response.WriteAsJsonAsync(
            problem, problem.GetType(), jsonOptions.Value.SerializerOptions, "application/problem+json", http.RequestAborted));
    }
}
