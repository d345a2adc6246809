using CultureHealth.Shop.Data;
using CultureHealth.Shop.Domain;

namespace CultureHealth.Shop.Application.Catalogue;

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

/// <summary>A product as staff see it: what the public sees, plus its stock, its low-stock threshold and whether it is on sale.</summary>
public sealed record StaffProductView(ProductView Product, int? Stock, int LowStockThreshold, bool Active)
{
    public static StaffProductView From(Product p) => new(ProductView.From(p), p.Stock, p.LowStockThreshold, p.Active);
}
