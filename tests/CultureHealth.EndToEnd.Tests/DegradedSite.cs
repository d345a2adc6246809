using CultureHealth.Gateway;
using CultureHealth.Storefront;
using CultureHealth.Testing;

namespace CultureHealth.EndToEnd.Tests;

/// <summary>
/// A second gateway and website beside the stack's, on the same services except <c>stopped</c>, which points at a
/// port where nothing listens, as when that service is down. Browse it with <c>Browse.OpenAsync(..., origin: PublicUrl)</c>
/// or with absolute URLs (cookies for 127.0.0.1 are shared by every port, so a visitor's cart goes along).
/// </summary>
public sealed record DegradedSite(ServiceFactory<StorefrontOptions> Storefront, ServiceFactory<DownstreamHealth> Gateway, Uri PublicUrl) : IAsyncDisposable
{
    /// <param name="stopped">"content", "shop", "booking" or "patients".</param>
    public static async Task<DegradedSite> StartAsync(SiteStack site, string stopped)
    {
        var gatewayPort = FreePort.Reserve();
        var publicUrl = new Uri($"http://127.0.0.1:{gatewayPort}");
        var storefront = new ServiceFactory<StorefrontOptions>(new Dictionary<string, string?>
        {
            ["Storefront:GatewayUrl"] = publicUrl.ToString(),
            ["Site:PublicUrl"] = publicUrl.ToString(),
            ["Storefront:ApiAttemptTimeout"] = "00:00:01",
            ["Logging:LogLevel:Default"] = "Error",
        }, listen: true);
        storefront.StartServer();
        var nowhere = $"http://127.0.0.1:{FreePort.Next()}";
        var gateway = new ServiceFactory<DownstreamHealth>(new Dictionary<string, string?>
        {
            ["ReverseProxy:Clusters:content:Destinations:primary:Address"] = stopped == "content" ? nowhere : site.Content.Factory.BaseAddress.ToString(),
            ["ReverseProxy:Clusters:shop:Destinations:primary:Address"] = stopped == "shop" ? nowhere : site.Shop.Factory.BaseAddress.ToString(),
            ["ReverseProxy:Clusters:booking:Destinations:primary:Address"] = stopped == "booking" ? nowhere : site.Booking.Factory.BaseAddress.ToString(),
            ["ReverseProxy:Clusters:patients:Destinations:primary:Address"] = stopped == "patients" ? nowhere : site.Patients.Factory.BaseAddress.ToString(),
            ["ReverseProxy:Clusters:admin:Destinations:primary:Address"] = site.Admin.Factory.BaseAddress.ToString(),
            ["ReverseProxy:Clusters:storefront:Destinations:primary:Address"] = storefront.BaseAddress.ToString(),
            ["Gateway:TrustedNetworks:0"] = "127.0.0.1",
            ["Gateway:RateLimits:public"] = "100000",
            ["Logging:LogLevel:Default"] = "Error",
        }, listen: true, port: gatewayPort);
        gateway.StartServer();
        var degraded = new DegradedSite(storefront, gateway, publicUrl);
        using var client = gateway.CreateHttpClient();
        await Eventually.TrueAsync(async () =>
        {
            using var response = await client.GetAsync(new Uri("/privacy", UriKind.Relative));
            return response.IsSuccessStatusCode;
        }, TimeSpan.FromSeconds(30), "the second website answers through its gateway");
        return degraded;
    }

    /// <summary>An absolute URL on this site, for a visitor who came from the healthy one.</summary>
    public string Url(string path) => new Uri(PublicUrl, path).ToString();

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Storefront.DisposeAsync();
    }
}
