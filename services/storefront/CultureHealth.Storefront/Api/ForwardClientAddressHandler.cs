namespace CultureHealth.Storefront.Api;

/// <summary>
/// Every API call carries the visitor's address in X-Forwarded-For, so the gateway's per-IP rate limits and
/// content's commenter hash see the visitor, not the website (the gateway believes it only from the
/// networks in its Gateway:TrustedProxies). The address is the one the forwarded-headers middleware
/// established from the gateway in front of us.
/// </summary>
internal sealed class ForwardClientAddressHandler(IHttpContextAccessor accessor) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (accessor.HttpContext?.Connection.RemoteIpAddress is { } address)
        {
            request.Headers.Remove("X-Forwarded-For");
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", address.ToString());
        }
        return base.SendAsync(request, cancellationToken);
    }
}
