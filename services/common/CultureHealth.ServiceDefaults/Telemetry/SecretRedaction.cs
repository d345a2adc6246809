using System.Buffers;
using System.Text;

namespace CultureHealth.ServiceDefaults.Telemetry;

/// <summary>
/// Takes bearer tokens out of URLs before they reach a span, a log line or a problem body. Customers' tokens
/// travel in URLs (the cart in the path, order and booking tokens in <c>?token=</c>, calendar keys in
/// <c>?key=</c>, email codes in <c>?code=</c>): the URLs stay, telemetry gets <see cref="Mask"/> instead.
/// A path segment is a token when it follows <c>carts</c>, or when it has the shape of our 256-bit tokens
/// (43 base64url characters, see SecretToken); a query value is one when its name is in <see cref="SecretQueryNames"/>.
/// </summary>
public static class SecretRedaction
{
    public const string Mask = "[redacted]";

    /// <summary>Collections whose next path segment is a bearer token (<c>/api/shop/carts/{cartId}</c>).</summary>
    public static readonly IReadOnlySet<string> TokenCollections = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "carts" };

    /// <summary>Query parameters that carry secrets.</summary>
    public static readonly IReadOnlySet<string> SecretQueryNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "token", "key", "code", "orderToken", "accessToken", "manageToken", "cartId",
    };

    private const int TokenLength = 43;
    private static readonly SearchValues<char> Base64Url = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    /// <summary>A path (<c>/api/shop/carts/abc…</c>) with its token segments masked; unchanged (same instance) when it has none.</summary>
    public static string RedactPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0)
        {
            return path;
        }

        var segments = path.Split('/');
        var changed = false;
        for (var i = 1; i < segments.Length; i++)
        {
            if (segments[i].Length > 0 && segments[i] != Mask && (TokenCollections.Contains(segments[i - 1]) || LooksLikeToken(segments[i])))
            {
                segments[i] = Mask;
                changed = true;
            }
        }

        return changed ? string.Join('/', segments) : path;
    }

    /// <summary>A query string (with or without its leading '?') with secret parameters' values masked.</summary>
    public static string RedactQuery(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Length == 0)
        {
            return query;
        }

        var prefix = query[0] == '?' ? "?" : "";
        var pairs = query[prefix.Length..].Split('&');
        var changed = false;
        for (var i = 0; i < pairs.Length; i++)
        {
            var equals = pairs[i].IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(equals < 0 ? pairs[i] : pairs[i][..equals]);
            if (equals >= 0 && SecretQueryNames.Contains(name) && pairs[i][(equals + 1)..] != Mask)
            {
                pairs[i] = pairs[i][..(equals + 1)] + Mask;
                changed = true;
            }
        }

        return changed ? prefix + string.Join('&', pairs) : query;
    }

    /// <summary>A URL, absolute or a path with an optional query, with both parts redacted.</summary>
    public static string RedactUrl(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var queryStart = url.IndexOf('?', StringComparison.Ordinal);
        var beforeQuery = queryStart < 0 ? url : url[..queryStart];
        var query = queryStart < 0 ? "" : url[queryStart..];
        var pathStart = 0;
        var scheme = beforeQuery.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            var slash = beforeQuery.IndexOf('/', scheme + 3);
            pathStart = slash < 0 ? beforeQuery.Length : slash;
        }

        var path = beforeQuery[pathStart..];
        var redactedPath = RedactPath(path);
        var redactedQuery = RedactQuery(query);
        return ReferenceEquals(redactedPath, path) && ReferenceEquals(redactedQuery, query)
            ? url
            : new StringBuilder(url.Length).Append(beforeQuery, 0, pathStart).Append(redactedPath).Append(redactedQuery).ToString();
    }

    private static bool LooksLikeToken(string segment) =>
        segment.Length == TokenLength && !segment.AsSpan().ContainsAnyExcept(Base64Url);
}
