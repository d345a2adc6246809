using System.Text.Encodings.Web;
using System.Text.Unicode;
using CultureHealth.ServiceDefaults;
using CultureHealth.ServiceDefaults.Health;
using CultureHealth.ServiceDefaults.Http;
using CultureHealth.ServiceDefaults.Options;
using CultureHealth.Storefront.Api;
using CultureHealth.Storefront.Web;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;

namespace CultureHealth.Storefront;

public static class StorefrontExtensions
{
    public static WebApplicationBuilder AddStorefront(this WebApplicationBuilder builder)
    {
        // Run from a build output (./run, the tests) the stylesheet and its compressed copies live in the project
        // and obj/; the manifest that says where exists only there. A published app has no such manifest: no-op.
        builder.WebHost.UseStaticWebAssets();
        builder.AddValidatedOptions<StorefrontOptions>(StorefrontOptions.Section);
        builder.AddValidatedOptions<SiteOptions>(SiteOptions.Section);
        builder.AddValidatedOptions<ClinicOptions>(ClinicOptions.Section);

        // Nothing here depends on another process being up: the site degrades instead of going unready.
        builder.Services.AddHealthChecks().AddCheck("self", () => Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy(), [HealthEndpoints.LiveTag]);

        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(k => k.AddServerHeader = false);
        builder.AddSharedKeyRing();
        builder.Services.AddRazorPages();
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = SiteCookies.Antiforgery;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.FormFieldName = "__af";
        });
        // £, – and curly quotes as themselves rather than numeric entities: smaller pages, same safety.
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddHybridCache();
        // Pages go out compressed (a third of their size on a phone's connection); assets are precompressed at build.
        // Over HTTPS too: no response that reflects a visitor's input also carries a secret an attacker could
        // guess at (the antiforgery form re-renders only for a same-site POST, which a forged request never is).
        builder.Services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.MimeTypes = ["text/html", "text/plain", "application/xml"];
            o.Providers.Add<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProvider>();
            o.Providers.Add<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProvider>();
        });
        builder.Services.Configure<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        builder.Services.Configure<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton(TimeProvider.System);

        builder.Services.AddTransient<ForwardClientAddressHandler>();
        builder.AddGatewayClient<ContentApi>();
        builder.AddGatewayClient<ShopApi>();
        builder.AddGatewayClient<BookingApi>();
        builder.AddGatewayClient<PatientsApi>();
        builder.AddGatewayClient<PatientDataApi>();
        builder.Services.AddScoped<CultureHealth.Storefront.Account.MyDataExport>();
        builder.Services.AddScoped<ShopSession>();
        // A page waits briefly for an API and then shows that part as unavailable; it never hangs on a dead service.
        builder.Services.ConfigureAll<HttpStandardResilienceOptions>(o =>
        {
            var site = builder.Configuration.GetSection(StorefrontOptions.Section).Get<StorefrontOptions>() ?? new StorefrontOptions();
            o.AttemptTimeout.Timeout = site.ApiAttemptTimeout;
            o.TotalRequestTimeout.Timeout = site.ApiTotalTimeout;
            o.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(Math.Max(10, site.ApiAttemptTimeout.TotalSeconds * 2));
        });
        // Who the visitor is and whether they came over HTTPS (for Secure cookies) the website learns from the gateway:
        // ServiceDefaults believes X-Forwarded-* only from ForwardedHeaders:TrustedProxies (loopback when unset).
        return builder;
    }

    private static void AddGatewayClient<TClient>(this WebApplicationBuilder builder) where TClient : class =>
        builder.Services.AddHttpClient<TClient>((services, client) =>
            {
                client.BaseAddress = services.GetRequiredService<IOptions<StorefrontOptions>>().Value.GatewayUrl;
                client.DefaultRequestHeaders.Accept.ParseAdd("application/json");
            })
            .AddHttpMessageHandler<ForwardClientAddressHandler>();

    public static WebApplication MapStorefront(this WebApplication app)
    {
        app.UseTrustedForwardedHeaders();
        app.UseSecurityHeaders();
        app.UseResponseCompression();
        // HTML error pages with the request id, never a stack trace or a JSON problem.
        app.UseExceptionHandler("/error");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseLegacyRedirects();
        app.UseRouting(); // the page cache asks the chosen page whether it is the same for every reader
        app.UseReaderPageCache();
        app.MapHealthEndpoints();
        app.MapMetricsEndpoint();
        app.MapStaticAssets();
        app.MapRazorPages().WithStaticAssets();
        app.MapRobots();
        app.MapLegacyArticleFallback();
        return app;
    }
}
