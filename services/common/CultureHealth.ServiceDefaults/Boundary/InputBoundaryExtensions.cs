using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CultureHealth.ServiceDefaults.Boundary;

public static class InputBoundaryExtensions
{
    /// <summary>Every JSON body string passes <see cref="TextRules"/> as it is read.</summary>
    public static IHostApplicationBuilder AddInputBoundary(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<JsonOptions>(o => o.SerializerOptions.Converters.Add(new BoundaryStringConverter()));
        builder.Services.ConfigureAll<OpenApiOptions>(o => o.AddSchemaTransformer(OpenApiStringSchemas.RestoreAsync));
        return builder;
    }

    /// <summary>Route values, query parameters and headers pass <see cref="TextRules"/> before any endpoint runs.</summary>
    public static IApplicationBuilder UseInputBoundary(this IApplicationBuilder app) =>
        app.UseMiddleware<InputBoundaryMiddleware>();
}
