using CultureHealth.Shop.Data;
using CultureHealth.Shop.Domain;

namespace CultureHealth.Shop.Api;

public sealed record ProductView(
    Guid Id, string Sku, string Slug, string Name, string Description, string Category, IReadOnlyList<string> ImageUrls,
    long PricePence, long VatPence, string Currency, ProductKind Kind, VatClass VatClass,
    string? AppointmentTypeCode, int? SessionsPerUnit, bool InStock)
{
    public static ProductView From(Product p) => new(
        p.Id, p.Sku, p.Slug, p.Name, p.Description, p.Category, p.ImageUrls,
        p.PricePence, Vat.PortionOf(p.PricePence, p.VatClass), "GBP", p.Kind, p.VatClass,
        p.AppointmentTypeCode, p.SessionsPerUnit, p.InStock);
}

public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount);

internal static class Paging
{
    public const int MaxPageSize = 100;

    /// <summary>Out-of-range paging is clamped rather than refused: a storefront link should never 400.</summary>
    public static (int Page, int PageSize) Normalise(int? page, int? pageSize, int defaultSize = 24) =>
        (Math.Clamp(page ?? 1, 1, 10_000), Math.Clamp(pageSize ?? defaultSize, 1, MaxPageSize));
}
