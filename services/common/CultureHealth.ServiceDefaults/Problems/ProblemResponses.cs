using System.Diagnostics;
using CultureHealth.ServiceDefaults.Telemetry;
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
        // Malformed bodies and parameters surface as exceptions so the handler can name the field.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return builder;
    }
}
