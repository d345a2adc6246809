using System.ComponentModel.DataAnnotations;

namespace CultureHealth.Storefront;

/// <summary>The "Storefront" configuration section.</summary>
public sealed class StorefrontOptions
{
    public const string Section = "Storefront";

    /// <summary>The gateway's public API, the only thing the website calls (e.g. http://gateway:8080).</summary>
    [Required]
    public Uri? GatewayUrl { get; set; }

    /// <summary>One try of an API call; a page shows "unavailable" for its part rather than wait longer.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:30")]
    public TimeSpan ApiAttemptTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>All tries of one API call together.</summary>
    [Range(typeof(TimeSpan), "00:00:00.200", "00:01:00")]
    public TimeSpan ApiTotalTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long public API reads (articles, tags, products) are reused across visitors.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan PublicReadCacheDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Comment threads change when a moderator approves; keep them fresher than articles.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan CommentCacheDuration { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>The public origin of the site ("Site:PublicUrl"), for canonical URLs, OpenGraph and emails.</summary>
public sealed class SiteOptions
{
    public const string Section = "Site";

    [Required]
    public Uri? PublicUrl { get; set; }

    public string Origin => PublicUrl!.GetLeftPart(UriPartial.Authority);

    public string Absolute(string path) => Origin + (path.StartsWith('/') ? path : "/" + path);
}
