using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CultureHealth.ServiceDefaults.Http;

public static class HttpSemanticsExtensions
{
    /// <summary>HEAD wherever GET works, and no Server header (it only tells an attacker what to try).</summary>
    public static IHostApplicationBuilder AddHttpSemantics(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<KestrelServerOptions>(k => k.AddServerHeader = false);
        builder.Services.AddSingleton<IStartupFilter, HeadRequests.StartupFilter>();
        return builder;
    }
}
