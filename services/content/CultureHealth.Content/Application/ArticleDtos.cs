namespace CultureHealth.Content.Application;

public sealed record AuthorSummaryDto(Guid Id, string Name, string Title, string? PhotoUrl);

/// <param name="SnippetHtml">Search results only: the passages that match, as escaped text with the matched words in &lt;mark&gt;.</param>
public sealed record ArticleSummaryDto(
    string Slug, string Title, string? Excerpt, string? FeaturedImageUrl, IReadOnlyList<string> Tags,
    int ReadingTimeMinutes, DateTimeOffset PublishedAt, AuthorSummaryDto Author, string? SnippetHtml = null);

/// <summary>An invitation to book: the storefront links it to booking's appointment type.</summary>
public sealed record CallToActionDto(string AppointmentTypeCode, string BookingPath);

public sealed record ArticleDto(
    Guid Id, string Slug, string Title, string? Excerpt, string BodyHtml, string? FeaturedImageUrl,
    IReadOnlyList<string> Tags, int ReadingTimeMinutes, string SeoTitle, string? SeoDescription,
    CallToActionDto? CallToAction, DateTimeOffset PublishedAt, DateTimeOffset UpdatedAt, bool CommentsOpen,
    AuthorDto Author);

public sealed record PageDto<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount)
{
    public int TotalPages => PageSize == 0 ? 0 : (TotalCount + PageSize - 1) / PageSize;
}

public sealed record TagDto(string Name, int ArticleCount);
