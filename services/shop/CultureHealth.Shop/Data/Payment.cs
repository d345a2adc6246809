using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CultureHealth.Shop.Data;

public enum PaymentStatus
{
    Pending,
    Succeeded,
    Failed,
}

/// <summary>One attempt to collect an order's amount due; one per (order, Idempotency-Key).</summary>
public sealed class Payment
{
    public Guid Id { get; set; }
    public Guid OrderId { get; set; }
    public string Provider { get; set; } = "";
    public string? ProviderChargeId { get; set; }

    /// <summary>The Idempotency-Key's hash within its caller (never the key: it opens the stored response).</summary>
    public string IdempotencyKeyHash { get; set; } = "";
    public long AmountPence { get; set; }
    public PaymentStatus Status { get; set; }
    public string? FailureReason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class Refund
{
    public Guid Id { get; set; }
    public Guid OrderId { get; set; }
    public Guid PaymentId { get; set; }
    public long AmountPence { get; set; }
    public string? ProviderRefundId { get; set; }
    public string Reason { get; set; } = "";
    public string Actor { get; set; } = "";

    /// <summary>Gift voucher value that had already been spent and was refunded anyway, by an override.</summary>
    public long SpentVoucherPence { get; set; }

    /// <summary>Why staff refunded spent voucher value (required with <see cref="SpentVoucherPence"/>).</summary>
    public string? OverrideReason { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> e)
    {
        e.ToTable("payments", t => t.HasCheckConstraint("ck_payments_amount_positive", "amount_pence > 0"));
        e.HasKey(p => p.Id);
        e.HasIndex(p => new { p.OrderId, p.IdempotencyKeyHash }).IsUnique();
        e.HasIndex(p => new { p.Provider, p.ProviderChargeId }).IsUnique().HasFilter("provider_charge_id IS NOT NULL");
        e.Property(p => p.Provider).HasMaxLength(40).IsRequired();
        e.Property(p => p.ProviderChargeId).HasMaxLength(100);
        e.Property(p => p.IdempotencyKeyHash).HasMaxLength(64).IsRequired();
        e.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(p => p.FailureReason).HasMaxLength(200);
        e.HasOne<Order>().WithMany().HasForeignKey(p => p.OrderId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RefundConfiguration : IEntityTypeConfiguration<Refund>
{
    public void Configure(EntityTypeBuilder<Refund> e)
    {
        e.ToTable("refunds", t =>
        {
            t.HasCheckConstraint("ck_refunds_amount_positive", "amount_pence > 0");
            t.HasCheckConstraint("ck_refunds_override_has_reason", "spent_voucher_pence = 0 OR override_reason IS NOT NULL");
        });
        e.HasKey(r => r.Id);
        e.HasIndex(r => r.OrderId);
        e.Property(r => r.ProviderRefundId).HasMaxLength(100);
        e.Property(r => r.Reason).HasMaxLength(500).IsRequired();
        e.Property(r => r.Actor).HasMaxLength(100).IsRequired();
        e.Property(r => r.OverrideReason).HasMaxLength(500);
        e.HasOne<Order>().WithMany().HasForeignKey(r => r.OrderId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Payment>().WithMany().HasForeignKey(r => r.PaymentId).OnDelete(DeleteBehavior.Restrict);
    }
}
