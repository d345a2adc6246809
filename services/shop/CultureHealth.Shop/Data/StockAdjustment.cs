using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CultureHealth.Shop.Data;

/// <summary>The stock ledger: every change to a product's stock, why, and by whom.</summary>
public sealed class StockAdjustment
{
    public long Id { get; set; }
    public Guid ProductId { get; set; }
    public int Delta { get; set; }
    public int StockAfter { get; set; }
    public string Reason { get; set; } = "";
    public string Actor { get; set; } = "";
    public Guid? OrderId { get; set; }
    public DateTimeOffset At { get; set; }
}

internal sealed class StockAdjustmentConfiguration : IEntityTypeConfiguration<StockAdjustment>
{
    public void Configure(EntityTypeBuilder<StockAdjustment> e)
    {
        e.ToTable("stock_adjustments");
        e.HasKey(a => a.Id);
        e.Property(a => a.Id).UseIdentityAlwaysColumn();
        e.HasIndex(a => new { a.ProductId, a.At });
        e.Property(a => a.Reason).HasMaxLength(500).IsRequired();
        e.Property(a => a.Actor).HasMaxLength(100).IsRequired();
        e.HasOne<Product>().WithMany().HasForeignKey(a => a.ProductId).OnDelete(DeleteBehavior.Cascade);
    }
}
