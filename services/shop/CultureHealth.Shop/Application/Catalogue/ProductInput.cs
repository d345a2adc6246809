using CultureHealth.Shop.Domain;

namespace CultureHealth.Shop.Application.Catalogue;

/// <summary>A product as staff create or update it; checked by <see cref="ProductInputValidation"/>.</summary>
public sealed record ProductInput(
    string? Sku, string? Slug, string? Name, string? Description, string? Category, List<string>? ImageUrls,
    long? PricePence, VatClass? VatClass, ProductKind? Kind, string? AppointmentTypeCode, int? SessionsPerUnit,
    int? Stock, int? LowStockThreshold, bool? Active);
