using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CultureHealth.Shop.Data;

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> e)
    {
        e.ToTable("orders", t =>
        {
            t.HasCheckConstraint("ck_orders_amounts_not_negative",
                "total_pence >= 0 AND amount_due_pence >= 0 AND amount_paid_pence >= 0 AND refunded_pence >= 0");
            t.HasCheckConstraint("ck_orders_refund_within_paid", "refunded_pence <= amount_paid_pence");
        });
        e.HasKey(o => o.Id);
        e.HasIndex(o => o.Number).IsUnique();
        e.HasIndex(o => new { o.Status, o.CreatedAt });
        // The sweeper only ever looks for unpaid orders past their deadline.
        e.HasIndex(o => o.PaymentDueBy).HasFilter("status IN ('PendingPayment', 'PaymentFailed')");
        // A patient's own orders are found by address trimmed and lower case (PatientOrders.PlacedWith): that expression index
        // is SQL in the migration CustomerEmailLookupIndex (EF cannot model one).
        e.Property(o => o.Number).HasMaxLength(32).IsRequired();
        e.Property(o => o.AccessTokenHash).HasMaxLength(64).IsRequired();
        e.Property(o => o.CustomerName).HasMaxLength(200).IsRequired();
        e.Property(o => o.CustomerEmail).HasMaxLength(254).IsRequired();
        e.Property(o => o.ShippingLine1).HasMaxLength(200);
        e.Property(o => o.ShippingLine2).HasMaxLength(200);
        e.Property(o => o.ShippingCity).HasMaxLength(100);
        e.Property(o => o.ShippingPostcode).HasMaxLength(10);
        e.Property(o => o.ShippingCountry).HasMaxLength(2);
        e.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(o => o.FulfilmentMode).HasConversion<string>().HasMaxLength(20);
        e.Property(o => o.CouponCode).HasMaxLength(32);
        e.Property(o => o.TrackingReference).HasMaxLength(100);
        e.Property(o => o.HoldClientAddress).HasMaxLength(45);
        e.HasIndex(o => o.HoldClientAddress).HasFilter("hold_client_address IS NOT NULL");
        e.Property(o => o.Version).IsRowVersion();
        e.Ignore(o => o.Lifecycle);
        e.HasMany(o => o.Items).WithOne().HasForeignKey(i => i.OrderId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(o => o.History).WithOne().HasForeignKey(h => h.OrderId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OrderItemConfiguration : IEntityTypeConfiguration<OrderItem>
{
    public void Configure(EntityTypeBuilder<OrderItem> e)
    {
        e.ToTable("order_items", t => t.HasCheckConstraint("ck_order_items_quantity_positive", "quantity > 0"));
        e.HasKey(i => new { i.OrderId, i.LineNumber });
        e.Property(i => i.Sku).HasMaxLength(64).IsRequired();
        e.Property(i => i.Name).HasMaxLength(200).IsRequired();
        e.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(i => i.VatClass).HasConversion<string>().HasMaxLength(20);
        e.Property(i => i.AppointmentTypeCode).HasMaxLength(60);
        e.HasOne<Product>().WithMany().HasForeignKey(i => i.ProductId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OrderStatusChangeConfiguration : IEntityTypeConfiguration<OrderStatusChange>
{
    public void Configure(EntityTypeBuilder<OrderStatusChange> e)
    {
        e.ToTable("order_status_changes");
        e.HasKey(h => h.Id);
        e.Property(h => h.Id).UseIdentityAlwaysColumn();
        e.HasIndex(h => new { h.OrderId, h.At });
        e.Property(h => h.FromStatus).HasConversion<string>().HasMaxLength(20);
        e.Property(h => h.ToStatus).HasConversion<string>().HasMaxLength(20);
        e.Property(h => h.Actor).HasMaxLength(100).IsRequired();
        e.Property(h => h.Reason).HasMaxLength(500);
    }
}
