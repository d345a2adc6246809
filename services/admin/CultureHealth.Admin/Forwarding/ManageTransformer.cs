using CultureHealth.Admin.Application;
using CultureHealth.Admin.Domain;
using Microsoft.Net.Http.Headers;
using Yarp.ReverseProxy.Forwarder;

namespace CultureHealth.Admin.Forwarding;

/// <summary>
/// What admin changes on a forwarded call: <c>/api/admin/{service}/{path}</c> becomes <c>/manage/{service}/{path}</c>
/// (query kept, headers copied, so the staff member's bearer token and Idempotency-Key go with it), a Location
/// pointing into /manage comes back pointing into /api/admin, and the answer is audited: every change with its
/// body (and, when the change names a resource the service shows, that resource before and after:
/// <see cref="ResourceSnapshots"/>), and every read of patients' or customers' data (<see cref="PatientDataReads"/>)
/// with its query.
/// </summary>
internal sealed class ManageTransformer(string service, string path, string? body, ChangedResource? changed) : HttpTransformer
{
    public override async ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest,
        string destinationPrefix, CancellationToken cancellationToken)
    {
        await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken);
        proxyRequest.RequestUri = RequestUtilities.MakeDestinationAddress(destinationPrefix,
            new PathString($"/manage/{service}/{path}"), httpContext.Request.QueryString);
        proxyRequest.Headers.Host = null;
    }

    public override async ValueTask<bool> TransformResponseAsync(HttpContext httpContext, HttpResponseMessage? proxyResponse,
        CancellationToken cancellationToken)
    {
        var proxied = await base.TransformResponseAsync(httpContext, proxyResponse, cancellationToken);
        if (proxyResponse is null)
        {
            return proxied; // not reached: nothing to audit, the caller answers 503
        }
        var headers = httpContext.Response.Headers;
        if (headers.Location.Count > 0)
        {
            headers.Location = headers.Location.ToString().Replace($"/manage/{service}/", $"/api/admin/{service}/", StringComparison.Ordinal);
        }
        headers.Remove(HeaderNames.Server);
        await AuditAsync(httpContext, (int)proxyResponse.StatusCode);
        return proxied;
    }

    private async Task AuditAsync(HttpContext context, int status)
    {
        var method = context.Request.Method;
        var audit = context.RequestServices.GetRequiredService<AuditLog>();
        if (!HttpMethods.IsGet(method))
        {
            var details = changed is null ? body : await changed.DetailsAsync(body, succeeded: status is >= 200 and < 300);
            await audit.RecordAsync(context.User, $"{method} /{service}/{path}", path, status, details, CancellationToken.None);
        }
        else if (PatientDataReads.Covers(service, path))
        {
            await audit.RecordAsync(context.User, $"read GET /{service}/{path}", path, status,
                context.Request.QueryString.HasValue ? context.Request.QueryString.Value : null, CancellationToken.None);
        }
    }
}
