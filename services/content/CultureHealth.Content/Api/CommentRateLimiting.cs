using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CultureHealth.Content.Api;

/// <summary>
/// Per-IP limit on comment posts. The gateway limits too; this holds even when a replica is reached
/// some other way, and its limits are the content service's own business.
/// </summary>
internal static class CommentRateLimiting
{
    public const string Policy = "comment-posts";

    public static IServiceCollection AddCommentRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (rejected, ct) =>
            {
                var http = rejected.HttpContext;
                if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }
                var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many comments",
                        Detail = "Please wait a moment before posting another comment.",
                    },
                });
            };
        });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<ContentOptions>>((o, content) =>
            o.AddPolicy(Policy, http => RateLimitPartition.GetFixedWindowLimiter(ClientAddress.Of(http), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = content.Value.CommentRateLimit,
                Window = content.Value.CommentRateWindow,
                QueueLimit = 0,
            })));
        return services;
    }
}
