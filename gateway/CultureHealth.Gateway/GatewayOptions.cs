using System.ComponentModel.DataAnnotations;

namespace CultureHealth.Gateway;

public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    /// <summary>Storefront origins allowed to call the API from a browser.</summary>
    public List<string> CorsOrigins { get; set; } = [];

    /// <summary>
    /// Networks (CIDR, or single addresses) of the proxies in front of the gateway whose X-Forwarded-For and
    /// X-Forwarded-Proto we believe: in Kubernetes the ingress controller's pod network. Empty: believe no one.
    /// </summary>
    public List<string> TrustedNetworks { get; set; } = [];

    [Range(1024, 100 * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Requests per minute per client IP for each rate-limit policy named on the routes.</summary>
    public Dictionary<string, int> RateLimits { get; set; } = new(StringComparer.Ordinal)
    {
        [RateLimitPolicies.Public] = 1200,
        [RateLimitPolicies.Comments] = 10,
        [RateLimitPolicies.SignIn] = 10,
        [RateLimitPolicies.Checkout] = 30,
        [RateLimitPolicies.Booking] = 30,
    };
}

public static class RateLimitPolicies
{
    public const string Public = "public";
    public const string Comments = "comments";
    public const string SignIn = "sign-in";
    public const string Checkout = "checkout";
    public const string Booking = "booking";
    public static readonly string[] All = [Public, Comments, SignIn, Checkout, Booking];
}
