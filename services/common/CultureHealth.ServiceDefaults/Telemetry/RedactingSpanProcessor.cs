using System.Diagnostics;
using OpenTelemetry;

namespace CultureHealth.ServiceDefaults.Telemetry;

/// <summary>
/// Masks bearer tokens in every finished span's URL attributes (server and HttpClient spans alike, old and new
/// semantic conventions) and its name, before any exporter that is registered after it sees the span.
/// </summary>
internal sealed class RedactingSpanProcessor : BaseProcessor<Activity>
{
    // http.route is left alone: it is the route template ("/api/shop/carts/{cartId}"), never a value.
    private static readonly string[] UrlTags = ["url.path", "http.target", "url.full", "http.url", "url.original"];

    public override void OnEnd(Activity data)
    {
        foreach (var tag in UrlTags)
        {
            Replace(data, tag, SecretRedaction.RedactUrl);
        }

        Replace(data, "url.query", SecretRedaction.RedactQuery);
        if (data.DisplayName.Contains('/', StringComparison.Ordinal))
        {
            var redacted = SecretRedaction.RedactUrl(data.DisplayName);
            if (!ReferenceEquals(redacted, data.DisplayName))
            {
                data.DisplayName = redacted;
            }
        }
    }

    private static void Replace(Activity span, string tag, Func<string, string> redact)
    {
        if (span.GetTagItem(tag) is string value)
        {
            var redacted = redact(value);
            if (!ReferenceEquals(redacted, value))
            {
                span.SetTag(tag, redacted);
            }
        }
    }
}
