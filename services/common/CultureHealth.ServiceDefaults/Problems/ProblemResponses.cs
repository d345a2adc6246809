using System.Diagnostics;
using CultureHealth.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CultureHealth.ServiceDefaults.Problems;

public static class ProblemResponses
{
    public static IHostApplicationBuilder AddProblemResponses(this IHostApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            // Problem bodies get logged and stored by clients: the path without its tokens is enough to find the request.
            ctx.ProblemDetails.Instance ??= $"{ctx.HttpContext.Request.Method} {SecretRedaction.RedactPath(ctx.HttpContext.Request.Path.Value ?? "")}";
            ctx.ProblemDetails.Extensions["requestId"] = ctx.HttpContext.TraceIdentifier;
            var activity = ctx.HttpContext.Features.Get<IHttpActivityFeature>()?.Activity ?? Activity.Current;
            if (activity is not null)
            {
                ctx.ProblemDetails.Extensions["traceId"] = activity.TraceId.ToString();
            }
        });
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        // After the default writer, so only a request whose Accept leaves out JSON falls through to it.
        builder.Services.AddSingleton<IProblemDetailsWriter, ProblemJsonFallbackWriter>();
        builder.Services.Configure<ExceptionHandlerOptions>(o =>
        {
            // A domain "not found" thrown as a ProblemException is a real 404, not a misconfigured error page.
            o.AllowStatusCode404Response = true;
            // Our handlers answer expected failures (bad input, refused rules, an outage they log themselves):
            // only what nobody handled is an error worth a stack trace.
            o.SuppressDiagnosticsCallback = c => c.ExceptionHandledBy == ExceptionHandledType.ExceptionHandlerService;
        });
        // Malformed bodies and parameters surface as exceptions so the handler can name the field.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return builder;
    }
}
