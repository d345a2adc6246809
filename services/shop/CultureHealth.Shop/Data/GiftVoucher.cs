using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CultureHealth.Shop.Data;

/// <summary>
/// A gift voucher issued by a paid voucher order. The code is kept in the clear because the buyer reads it
/// from their order page; it has 80 random bits, so it cannot be guessed.
/// </summary>
public sealed class GiftVoucher
{
    public Guid Id { get; set; }
    public string Code { get; set; } = "";
    public long InitialBalancePence { get; set; }
    public long BalancePence { get; set; }
    public Guid IssuedForOrderId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class GiftVoucherConfiguration : IEntityTypeConfiguration<GiftVoucher>
{
    public void Configure(EntityTypeBuilder<GiftVoucher> e)
    {
        e.ToTable("gift_vouchers", t =>
            t.HasCheckConstraint("ck_gift_vouchers_balance", "balance_pence >= 0 AND balance_pence <= initial_balance_pence"));
        e.HasKey(v => v.Id);
        e.HasIndex(v => v.Code).IsUnique();
        e.HasIndex(v => v.IssuedForOrderId);
        e.Property(v => v.Code).HasMaxLength(19).IsRequired();
        e.HasOne<Order>().WithMany().HasForeignKey(v => v.IssuedForOrderId).OnDelete(DeleteBehavior.Restrict);
    }
}
