using CultureHealth.Shop.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CultureHealth.Shop.Data;

/// <summary>A catalogue entry. Prices are VAT-inclusive pence; only physical goods carry stock.</summary>
public sealed class Product
{
    public Guid Id { get; set; }
    public string Sku { get; set; } = "";
    public string Slug { get; set; } = "";
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public string Category { get; set; } = "";
    public List<string> ImageUrls { get; set; } = [];
    public long PricePence { get; set; }
    public VatClass VatClass { get; set; }
    public ProductKind Kind { get; set; }
    public string? AppointmentTypeCode { get; set; }
    public int? SessionsPerUnit { get; set; }

    /// <summary>Units on the shelf not yet reserved by an order; null for vouchers and packages.</summary>
    public int? Stock { get; set; }

    public int LowStockThreshold { get; set; }
    public bool Active { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public bool InStock => Kind != ProductKind.Physical || Stock > 0;
}

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> e)
    {
        e.ToTable("products", t =>
        {
            // The last line of defence against overselling: even a buggy writer cannot go below zero.
            t.HasCheckConstraint("ck_products_stock_not_negative", "stock >= 0");
            t.HasCheckConstraint("ck_products_price_not_negative", "price_pence >= 0");
            t.HasCheckConstraint("ck_products_stock_only_for_physical", "(kind = 'Physical') = (stock IS NOT NULL)");
            t.HasCheckConstraint(
                "ck_products_package_details",
                "kind <> 'TreatmentPackage' OR (appointment_type_code IS NOT NULL AND sessions_per_unit > 0)");
        });
        e.HasKey(p => p.Id);
        e.HasIndex(p => p.Sku).IsUnique();
        e.HasIndex(p => p.Slug).IsUnique();
        e.HasIndex(p => new { p.Category, p.Name });
        e.Property(p => p.Sku).HasMaxLength(64).IsRequired();
        e.Property(p => p.Slug).HasMaxLength(120).IsRequired();
        e.Property(p => p.Name).HasMaxLength(200).IsRequired();
        e.Property(p => p.Description).HasMaxLength(4000).IsRequired();
        e.Property(p => p.Category).HasMaxLength(60).IsRequired();
        e.Property(p => p.VatClass).HasConversion<string>().HasMaxLength(20);
        e.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(p => p.AppointmentTypeCode).HasMaxLength(60);
        e.Ignore(p => p.InStock);
    }
}
