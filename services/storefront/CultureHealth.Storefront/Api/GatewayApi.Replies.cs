using System.Net;
using System.Net.Http.Json;

namespace CultureHealth.Storefront.Api;

public abstract partial class GatewayApi
{
    /// <summary>
    /// Sends a request whose answer the page must tell apart (booked, invalid, taken, too late, limited) and
    /// never throws for an outage. <paramref name="operation"/> names it in logs: never the URL, which may carry a token.
    /// </summary>
    protected async Task<ApiReply<T>> SendForReplyAsync<T>(HttpRequestMessage request, string operation, CancellationToken ct)
    {
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            if (response.StatusCode == HttpStatusCode.NoContent)
            {
                // Done, with nothing to show (e.g. leaving the waitlist): the kind says it all.
                return new ApiReply<T>(ReplyKind.Done);
            }
            if (response.IsSuccessStatusCode)
            {
                var value = await response.Content.ReadFromJsonAsync<T>(Json, ct);
                return value is null ? ApiReply<T>.Unavailable() : new ApiReply<T>(ReplyKind.Done, value);
            }
            var kind = response.StatusCode switch
            {
                HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity => ReplyKind.Invalid,
                HttpStatusCode.NotFound => ReplyKind.NotFound,
                HttpStatusCode.Conflict => ReplyKind.Conflict,
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => ReplyKind.Refused,
                HttpStatusCode.TooManyRequests => ReplyKind.TooMany,
                _ => ReplyKind.Unavailable,
            };
            if (kind == ReplyKind.Unavailable)
            {
                LogReplyFailed(logger, operation, (int)response.StatusCode);
                return ApiReply<T>.Unavailable();
            }
            var retryAfter = response.Headers.RetryAfter is { } after
                ? after.Delta ?? (after.Date is { } date ? date - DateTimeOffset.UtcNow : null)
                : null;
            return new ApiReply<T>(kind, Problem: await ContentApi.ProblemAsync(response, ct), RetryAfter: retryAfter);
        }
        catch (Exception e) when (IsOutage(e, ct))
        {
            LogReplyUnreachable(logger, operation, e.GetType().Name);
            return ApiReply<T>.Unavailable();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Operation} through the gateway answered {StatusCode}; showing it as unavailable")]
    private static partial void LogReplyFailed(ILogger logger, string operation, int statusCode);

    // Not the exception's message: an HttpRequestException may quote the URL, and these URLs carry tokens.
    [LoggerMessage(Level = LogLevel.Warning, Message = "{Operation} through the gateway failed ({Error}); showing it as unavailable")]
    private static partial void LogReplyUnreachable(ILogger logger, string operation, string error);
}
