using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Options;

namespace CultureHealth.Storefront.Web;

/// <summary>
/// Marks a page whose HTML is the same for every reader who has nothing of their own on the site yet (no cart,
/// not signed in): the article page, for one. <see cref="ReaderPageCache"/> renders it once and serves it again.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class SameForEveryReaderAttribute : Attribute;

/// <summary>
/// Serves a <see cref="SameForEveryReaderAttribute"/> page to readers without cookies of their own from the HTML
/// rendered for an earlier reader, kept for the shortest time any part of the page is kept (the comment threads'
/// <see cref="StorefrontOptions.CommentCacheDuration"/>) and dropped with them when a comment is published here.
/// What differs per response is put back in: this response's CSP nonce, and an antiforgery token of its own (with
/// its cookie) in the comment form. A page of readers' own (a cart, a patient's session, a query such as
/// "?posted=") is always rendered for them. Why: a full render costs several times the gateway's own work per
/// request; a site's readers mostly ask for the same few articles.
/// </summary>
public static class ReaderPageCache
{
    public const string Tag = "reader-pages";

    // Placeholders that rendered user text can never contain: HTML encoding turns every '<' in it into "&lt;".
    private const string NoncePlaceholder = "<ch-csp-nonce/>";
    private const string TokenPlaceholder = "<ch-antiforgery/>";

    public static WebApplication UseReaderPageCache(this WebApplication app)
    {
        app.Use(static async (context, next) =>
        {
            if (!IsForAnyReader(context))
            {
                await next(context);
                return;
            }

            var services = context.RequestServices;
            var cache = services.GetRequiredService<HybridCache>();
            var options = services.GetRequiredService<IOptions<StorefrontOptions>>().Value;
            var lifetime = options.CommentCacheDuration < options.PublicReadCacheDuration ? options.CommentCacheDuration : options.PublicReadCacheDuration;
            if (lifetime <= TimeSpan.Zero)
            {
                await next(context);
                return;
            }

            var key = "page:" + context.Request.Path.Value;
            var template = await cache.GetOrCreateAsync<string?>(key, static _ => ValueTask.FromResult<string?>(null), ReadOnly, cancellationToken: context.RequestAborted);
            if (template is not null)
            {
                await ServeAsync(context, template);
                return;
            }

            var page = await RenderAsync(context, next);
            if (page is not null)
            {
                await cache.SetAsync(key, page, new HybridCacheEntryOptions { Expiration = lifetime, LocalCacheExpiration = lifetime },
                    [Tag], context.RequestAborted);
            }
        });
        return app;
    }

    /// <summary>A GET for a page marked the same for every reader, from a reader with no cookie of their own and no query.</summary>
    private static bool IsForAnyReader(HttpContext context) =>
        HttpMethods.IsGet(context.Request.Method)
        && context.Request.QueryString.Value is null or ""
        && context.GetEndpoint()?.Metadata.GetMetadata<SameForEveryReaderAttribute>() is not null
        && context.Request.Cookies.All(c => c.Key == SiteCookies.Antiforgery);

    private static readonly HybridCacheEntryOptions ReadOnly = new()
    {
        Flags = HybridCacheEntryFlags.DisableLocalCacheWrite | HybridCacheEntryFlags.DisableDistributedCacheWrite,
    };

    private static async Task ServeAsync(HttpContext context, string template)
    {
        var html = new StringBuilder(template).Replace(NoncePlaceholder, context.CspNonce());
        if (template.Contains(TokenPlaceholder, StringComparison.Ordinal))
        {
            // A token pair of this reader's own: the cookie (set when missing) and the form field must match.
            var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
            html.Replace(TokenPlaceholder, tokens.RequestToken);
        }
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-cache, no-store";
        await context.Response.WriteAsync(html.ToString(), context.RequestAborted);
    }

    /// <summary>Renders the page for this reader, and returns it as a template when it is a page like any reader's.</summary>
    private static async Task<string?> RenderAsync(HttpContext context, RequestDelegate next)
    {
        var response = context.Response;
        var original = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = original;
        }

        // The template is made before the page is sent: asking antiforgery for its tokens may still set headers.
        var template = Template(context, buffer);
        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
        return template;
    }

    private static string? Template(HttpContext context, MemoryStream buffer)
    {
        var response = context.Response;
        var setsOnlyAntiforgery = response.Headers.SetCookie.All(c => c is not null && c.StartsWith(SiteCookies.Antiforgery + "=", StringComparison.Ordinal));
        if (response.StatusCode != StatusCodes.Status200OK || response.ContentType?.StartsWith("text/html", StringComparison.Ordinal) != true
            || !setsOnlyAntiforgery)
        {
            return null;
        }

        var html = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        var nonce = context.CspNonce();
        var template = new StringBuilder(html).Replace(nonce, NoncePlaceholder);
        if (html.Contains("name=\"__af\"", StringComparison.Ordinal))
        {
            // The same pair the form was given (the antiforgery feature keeps one per request).
            var token = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context).RequestToken;
            if (token is null || !html.Contains(token, StringComparison.Ordinal))
            {
                return null;
            }
            template.Replace(token, TokenPlaceholder);
        }
        return template.ToString();
    }
}
