using System.Diagnostics.Metrics;
using CultureHealth.Content.Domain;

namespace CultureHealth.Content.Telemetry;

/// <summary>
/// Articles and the comment moderation flow for the business dashboard. Counted once each change is
/// saved; the queue length comes from <see cref="ModerationQueueSampler"/>.
/// </summary>
public sealed class ContentMetrics
{
    public const string MeterName = "CultureHealth.Content";
    private const string StatusTag = "culturehealth.comment.status";

    private readonly Counter<long> _submitted;
    private readonly Counter<long> _moderated;
    private readonly Counter<long> _published;
    private volatile Box? _awaitingModeration;

    public ContentMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _submitted = meter.CreateCounter<long>("culturehealth.comments.submitted", "{comment}",
            "Comments submitted, by the status they were stored with: pending (held for a moderator), approved or spam");
        _moderated = meter.CreateCounter<long>("culturehealth.comments.moderated", "{comment}", "Moderator decisions, by the status given");
        _published = meter.CreateCounter<long>("culturehealth.articles.published", "{article}", "Articles that went live (by an editor or on schedule)");
        meter.CreateObservableGauge("culturehealth.comments.awaiting_moderation", ObserveAwaiting, "{comment}", "Comments held for a moderator");
    }

    public void CommentSubmitted(CommentStatus storedAs) => _submitted.Add(1, StatusOf(storedAs));

    public void CommentModerated(CommentStatus to, int comments) => _moderated.Add(comments, StatusOf(to));

    public void ArticlePublished() => _published.Add(1);

    public void ReportAwaitingModeration(long comments) => _awaitingModeration = new Box(comments);

    private IEnumerable<Measurement<long>> ObserveAwaiting() =>
        _awaitingModeration is { } box ? [new Measurement<long>(box.Value)] : [];

    private static KeyValuePair<string, object?> StatusOf(CommentStatus status) => new(StatusTag, status.ToWire());

    private sealed record Box(long Value);
}
