using CultureHealth.BackOffice.AdminApi;
using CultureHealth.BackOffice.Data;
using CultureHealth.BackOffice.Sessions;
using CultureHealth.BackOffice.Web;
using CultureHealth.Messaging.Data;
using CultureHealth.ServiceDefaults;
using CultureHealth.ServiceDefaults.Auth;
using CultureHealth.ServiceDefaults.Http;
using CultureHealth.ServiceDefaults.Options;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CultureHealth.BackOffice;

public static class BackOfficeExtensions
{
    /// <summary>Where the gateway serves the back office; every page and asset lives under it.</summary>
    public const string PathBase = "/admin";

    public static IHostApplicationBuilder AddBackOffice(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<BackOfficeOptions>(BackOfficeOptions.Section);
        builder.AddServiceDatabase<BackOfficeDbContext>("backoffice");
        builder.Services.AddHostedService<SessionSweeper>();

        builder.Services.AddHttpContextAccessor();
        builder.Services.AddTransient<ForwardClientAddress>();
        builder.Services.AddHttpClient<AdminConnection>((sp, http) =>
                http.BaseAddress = new Uri(sp.GetRequiredService<IOptions<BackOfficeOptions>>().Value.AdminUrl.TrimEnd('/') + "/"))
            .AddHttpMessageHandler<ForwardClientAddress>();
        builder.Services.AddScoped<SessionStore>();
        builder.Services.AddScoped<AdminClient>();
        builder.Services.AddScoped<DiaryApi>();
        builder.Services.AddScoped<StaffSections>();

        builder.Services.AddAuthentication(SessionAuthentication.Scheme)
            .AddScheme<AuthenticationSchemeOptions, SessionAuthenticationHandler>(SessionAuthentication.Scheme, null);
        builder.Services.AddAuthorizationBuilder().AddStaffPolicies();

        builder.Services.AddRouting(o => o.LowercaseUrls = true);
        builder.Services.AddRazorPages(o => StaffSections.Apply(o.Conventions));
        // After AddRazorPages, which registers the cookie-based default.
        builder.Services.Replace(ServiceDescriptor.Singleton<IAntiforgery, SessionAntiforgery>());

        // Only the gateway may say who the browser is, whether it came over https and which host it asked for: the
        // proxies ServiceDefaults trusts (ForwardedHeaders:TrustedProxies, loopback when unset); the host too here.
        builder.Services.PostConfigure<ForwardedHeadersOptions>(o =>
        {
            if (o.ForwardedHeaders != ForwardedHeaders.None)
            {
                o.ForwardedHeaders |= ForwardedHeaders.XForwardedHost;
            }
        });
        return builder;
    }

    public static WebApplication UseBackOffice(this WebApplication app)
    {
        app.UseTrustedForwardedHeaders();
        app.UsePathBase(PathBase);
        app.Use((context, next) =>
        {
            // Pages exist only under /admin; the bare paths are the platform's health and metrics endpoints, which in
            // turn must not answer under /admin (the public gateway and Ingress route /admin/** here).
            if (context.Request.PathBase.HasValue == IsPlatformPath(context.Request.Path))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }
            return next(context);
        });
        app.UseSecurityHeaders();
        app.UseExceptionHandler("/error");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseStaticFiles(new StaticFileOptions
        {
            // Files are linked with a version query (asp-append-version), so they may be cached for long.
            OnPrepareResponse = f => f.Context.Response.Headers.CacheControl = "public, max-age=31536000, immutable",
        });
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (SessionEndedException) when (!context.Response.HasStarted)
            {
                context.Response.Clear();
                SessionCookie.Delete(context);
                context.Response.Redirect($"{context.Request.PathBase}/sign-in?ended=1");
            }
        });
        return app;
    }

    public static WebApplication MapBackOffice(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapDefaultEndpoints();
        return app;
    }

    private static bool IsPlatformPath(PathString path) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments("/metrics") || path.StartsWithSegments("/openapi");
}
