using CultureHealth.Content.Domain;

namespace CultureHealth.Content.Application;

internal static class ArticleQueries
{
    public static IQueryable<ArticleSummaryDto> ToSummaries(this IQueryable<Article> articles) =>
        articles.Select(a => new ArticleSummaryDto(
            a.Slug, a.Title, a.Excerpt, a.FeaturedImageUrl, a.Tags, a.ReadingTimeMinutes, a.PublishedAt!.Value,
            new AuthorSummaryDto(a.AuthorId, a.Author!.Name, a.Author.Title, a.Author.PhotoUrl), null));

    public static ArticleDto ToDto(this Article a) => new(
        a.Id, a.Slug, a.Title, a.Excerpt, a.BodyHtml, a.FeaturedImageUrl, a.Tags, a.ReadingTimeMinutes,
        a.SeoTitle ?? a.Title, a.SeoDescription ?? a.Excerpt,
        a.CallToActionAppointmentType is { } code ? new CallToActionDto(code, $"/book?appointmentType={Uri.EscapeDataString(code)}") : null,
        a.PublishedAt ?? a.UpdatedAt, a.UpdatedAt, a.CommentsOpen,
        new AuthorDto(a.AuthorId, a.Author?.Name ?? "", a.Author?.Title ?? "", a.Author?.Bio, a.Author?.PhotoUrl));
}
