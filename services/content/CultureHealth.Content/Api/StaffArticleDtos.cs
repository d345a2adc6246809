namespace CultureHealth.Content.Api;

public sealed record ScheduleRequest(DateTimeOffset? PublishAt);

public sealed record PreviewRequest(string? BodyMarkdown);

public sealed record PreviewDto(string BodyHtml);

public sealed record BulkModerationRequest(IReadOnlyList<Guid>? Ids, string? Status);
