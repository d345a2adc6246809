using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CultureHealth.ServiceDefaults.Http;

/// <summary>
/// Marks an endpoint whose answers carry a bearer secret (access and refresh tokens, cart, order and booking
/// tokens): every answer, errors included, says <c>Cache-Control: no-store</c> so no browser, proxy or CDN keeps it.
/// <code>group.MapPost("/login", SignIn).NoStore();</code>
/// </summary>
public static class NoStore
{
    public static TBuilder WithNoStore<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(NoStoreMetadata.Instance);

    /// <summary>Part of UseServiceDefaults: sets the header on answers of endpoints marked with <see cref="WithNoStore{TBuilder}"/>.</summary>
    public static IApplicationBuilder UseNoStoreForSecrets(this IApplicationBuilder app) =>
        app.Use(static (context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<NoStoreMetadata>() is not null)
            {
                context.Response.OnStarting(static state =>
                {
                    var response = (HttpResponse)state;
                    response.Headers.CacheControl = "no-store";
                    response.Headers.Pragma = "no-cache";
                    return Task.CompletedTask;
                }, context.Response);
            }
            return next(context);
        });
}

public sealed class NoStoreMetadata
{
    public static readonly NoStoreMetadata Instance = new();
    private NoStoreMetadata() { }
}
