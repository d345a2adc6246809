using System.ComponentModel.DataAnnotations;
using CultureHealth.Content.Domain;

namespace CultureHealth.Content;

/// <summary>The "Content" configuration section.</summary>
public sealed class ContentOptions
{
    public const string Section = "Content";

    [Range(0, 50)]
    public int MaxLinksPerComment { get; set; } = 2;

    /// <summary>Empty by default in code: configuration binding appends to a pre-filled list, so defaults live in appsettings.json.</summary>
    public List<string> BlockedWords { get; set; } = [];

    /// <summary>The author shown on a reply an editor writes as the clinic (<c>POST /manage/content/comments/{id}/reply</c>).</summary>
    [Required, StringLength(120)]
    public string ClinicReplyName { get; set; } = "Cultural Health Club";

    [Range(1, 10)]
    public int MaxCommentDepth { get; set; } = 3;

    [Range(10, 20_000)]
    public int MaxCommentLength { get; set; } = 5000;

    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan DuplicateCommentWindow { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Comments one IP may post per <see cref="CommentRateWindow"/>.</summary>
    [Range(1, 10_000)]
    public int CommentRateLimit { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan CommentRateWindow { get; set; } = TimeSpan.FromMinutes(1);

    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan ScheduledPublishInterval { get; set; } = TimeSpan.FromSeconds(30);

    [Range(1, 100)]
    public int DefaultPageSize { get; set; } = 10;

    [Range(1, 500)]
    public int MaxPageSize { get; set; } = 50;

    /// <summary>How long a replica serves a cached page; eviction is immediate on the replica that made the change.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan OutputCacheDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The key of the HMAC over commenters' IP addresses. A secret from configuration (./run generates one; a
    /// Kubernetes Secret or the compose environment elsewhere): with a known key, the 2^32 IPv4 addresses
    /// could be hashed in minutes and every stored hash reversed. There is deliberately no default.
    /// </summary>
    [Required, MinLength(16)]
    public string IpHashSalt { get; set; } = "";

    /// <summary>How long a commenter's "confirm your email" link works.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "90.00:00:00")]
    public TimeSpan CommenterConfirmationLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// At most one confirmation email per address per this long, however many comments are posted under it:
    /// typing someone else's address cannot flood their inbox.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "90.00:00:00")]
    public TimeSpan CommenterConfirmationResendAfter { get; set; } = TimeSpan.FromDays(1);

    public CommentPolicy CommentPolicy() => new()
    {
        MaxLinks = MaxLinksPerComment,
        BlockedWords = BlockedWords,
        MaxDepth = MaxCommentDepth,
        DuplicateWindow = DuplicateCommentWindow,
    };
}
