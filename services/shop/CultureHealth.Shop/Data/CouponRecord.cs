using CultureHealth.Shop.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CultureHealth.Shop.Data;

/// <summary>A stored coupon; <see cref="ToDomain"/> gives the validated <see cref="Coupon"/> the rules work on.</summary>
public sealed class CouponRecord
{
    public Guid Id { get; set; }
    public string Code { get; set; } = "";
    public CouponKind Kind { get; set; }
    public int PercentageBasisPoints { get; set; }
    public long FixedAmountPence { get; set; }
    public long MinimumSpendPence { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public int? UsageLimit { get; set; }
    public int? PerCustomerLimit { get; set; }
    public bool Active { get; set; } = true;

    /// <summary>Counted under the coupon's row lock at checkout, so a usage limit cannot be overrun.</summary>
    public int TimesRedeemed { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public Coupon ToDomain() => Kind == CouponKind.Percentage
        ? Coupon.Percentage(Code, PercentageBasisPoints, MinimumSpendPence, ExpiresAt, UsageLimit, PerCustomerLimit, Active)
        : Coupon.FixedAmount(Code, FixedAmountPence, MinimumSpendPence, ExpiresAt, UsageLimit, PerCustomerLimit, Active);
}

public sealed class CouponRedemption
{
    public Guid Id { get; set; }
    public Guid CouponId { get; set; }
    public Guid OrderId { get; set; }

    /// <summary>Lower-case, for the per-customer limit.</summary>
    public string CustomerEmail { get; set; } = "";

    public DateTimeOffset RedeemedAt { get; set; }
}

internal sealed class CouponConfiguration : IEntityTypeConfiguration<CouponRecord>
{
    public void Configure(EntityTypeBuilder<CouponRecord> e)
    {
        e.ToTable("coupons", t =>
        {
            t.HasCheckConstraint("ck_coupons_usage_within_limit", "usage_limit IS NULL OR times_redeemed <= usage_limit");
            t.HasCheckConstraint(
                "ck_coupons_amount",
                "(kind = 'Percentage' AND percentage_basis_points BETWEEN 1 AND 10000) OR (kind = 'FixedAmount' AND fixed_amount_pence > 0)");
        });
        e.HasKey(c => c.Id);
        e.HasIndex(c => c.Code).IsUnique();
        e.Property(c => c.Code).HasMaxLength(Coupon.MaxCodeLength).IsRequired();
        e.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
    }
}

internal sealed class CouponRedemptionConfiguration : IEntityTypeConfiguration<CouponRedemption>
{
    public void Configure(EntityTypeBuilder<CouponRedemption> e)
    {
        e.ToTable("coupon_redemptions");
        e.HasKey(r => r.Id);
        e.HasIndex(r => new { r.CouponId, r.CustomerEmail });
        e.HasIndex(r => r.OrderId).IsUnique();
        e.Property(r => r.CustomerEmail).HasMaxLength(254).IsRequired();
        e.HasOne<CouponRecord>().WithMany().HasForeignKey(r => r.CouponId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Order>().WithMany().HasForeignKey(r => r.OrderId).OnDelete(DeleteBehavior.Cascade);
    }
}
