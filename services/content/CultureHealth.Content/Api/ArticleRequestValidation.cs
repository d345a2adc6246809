using CultureHealth.Content.Application;
using CultureHealth.Content.Domain;
using CultureHealth.ServiceDefaults.Problems;

namespace CultureHealth.Content.Api;

internal static class ArticleRequestValidation
{
    public const int MaxTags = 10;
    public const int MaxBodyLength = 200_000;

    public static RequestValidator Validate(ArticleRequest r)
    {
        var v = new RequestValidator()
            .Required("title", r.Title, 200)
            .Required("bodyMarkdown", r.BodyMarkdown, MaxBodyLength)
            .Optional("excerpt", r.Excerpt, 1000)
            .Optional("seoTitle", r.SeoTitle, 200)
            .Optional("seoDescription", r.SeoDescription, 400)
            .Require(r.AuthorId is { } id && id != Guid.Empty, "authorId", "Required.");
        if (r.Slug is not null && !SlugGenerator.IsValid(r.Slug))
        {
            v.Add("slug", $"Lower-case letters, digits and single hyphens, at most {SlugGenerator.MaxLength} characters.");
        }
        if (r.Title is not null && r.Slug is null && SlugGenerator.FromTitle(r.Title).Length == 0)
        {
            v.Add("slug", "The title has no letters or digits to make a slug from; give one.");
        }
        if (r.FeaturedImageUrl is { Length: > 0 } url
            && (url.Length > 500 || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")))
        {
            v.Add("featuredImageUrl", "An absolute http(s) URL of at most 500 characters.");
        }
        if (r.CallToActionAppointmentType is { Length: > 0 } code && !SlugGenerator.IsValid(code))
        {
            v.Add("callToActionAppointmentType", "An appointment type code such as \"initial-assessment\".");
        }
        if (r.Tags is { } tags)
        {
            v.Require(tags.Count <= MaxTags, "tags", $"At most {MaxTags} tags.");
            v.Require(tags.All(t => t is { Length: <= 40 } && SlugGenerator.FromTitle(t).Length > 0), "tags", "Each tag needs letters or digits and at most 40 characters.");
        }
        return v;
    }
}
