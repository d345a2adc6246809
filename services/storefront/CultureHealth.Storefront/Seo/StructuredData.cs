using System.Globalization;
using CultureHealth.Storefront.Api;

namespace CultureHealth.Storefront.Seo;

/// <summary>schema.org objects as JSON-LD (dictionaries, so "@context" and "@type" keep their names).</summary>
public static class StructuredData
{
    public static Dictionary<string, object?> Clinic(ClinicOptions clinic, SiteOptions site) => new()
    {
        ["@context"] = "https://schema.org",
        ["@type"] = "Physiotherapy",
        ["@id"] = site.Absolute("/#clinic"),
        ["name"] = clinic.Name,
        ["description"] = clinic.Description,
        ["url"] = site.Absolute("/"),
        ["telephone"] = clinic.Telephone,
        ["email"] = clinic.Email,
        ["medicalSpecialty"] = "Musculoskeletal",
        ["address"] = new Dictionary<string, object?>
        {
            ["@type"] = "PostalAddress",
            ["streetAddress"] = clinic.StreetAddress,
            ["addressLocality"] = clinic.Locality,
            ["postalCode"] = clinic.PostalCode,
            ["addressCountry"] = clinic.Country,
        },
        ["openingHoursSpecification"] = clinic.Hours.Select(h => new Dictionary<string, object?>
        {
            ["@type"] = "OpeningHoursSpecification",
            ["dayOfWeek"] = h.Days.Select(d => d.ToString()).ToArray(),
            ["opens"] = h.Opens.ToString("HH:mm", CultureInfo.InvariantCulture),
            ["closes"] = h.Closes.ToString("HH:mm", CultureInfo.InvariantCulture),
        }).ToArray(),
    };

    public static Dictionary<string, object?> Article(Article article, SiteOptions site, string path) => new()
    {
        ["@context"] = "https://schema.org",
        ["@type"] = "Article",
        ["headline"] = article.Title,
        ["description"] = article.SeoDescription ?? article.Excerpt,
        ["datePublished"] = article.PublishedAt.ToString("O", CultureInfo.InvariantCulture),
        ["dateModified"] = article.UpdatedAt.ToString("O", CultureInfo.InvariantCulture),
        ["mainEntityOfPage"] = site.Absolute(path),
        ["image"] = article.FeaturedImageUrl,
        ["keywords"] = string.Join(", ", article.Tags),
        ["author"] = new Dictionary<string, object?>
        {
            ["@type"] = "Person",
            ["name"] = article.Author.Name,
            ["jobTitle"] = article.Author.Title,
            ["url"] = site.Absolute(Web.SiteRoutes.Author(article.Author.Id)),
        },
        ["publisher"] = new Dictionary<string, object?> { ["@id"] = site.Absolute("/#clinic") },
    };

    public static Dictionary<string, object?> Breadcrumbs(IReadOnlyList<Breadcrumb> trail, SiteOptions site) => new()
    {
        ["@context"] = "https://schema.org",
        ["@type"] = "BreadcrumbList",
        ["itemListElement"] = trail.Select((b, i) => new Dictionary<string, object?>
        {
            ["@type"] = "ListItem",
            ["position"] = i + 1,
            ["name"] = b.Name,
            ["item"] = site.Absolute(b.Path),
        }).ToArray(),
    };
}
