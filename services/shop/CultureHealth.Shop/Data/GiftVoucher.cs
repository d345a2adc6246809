using CultureHealth.Shop.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CultureHealth.Shop.Data;

/// <summary>
/// A gift voucher issued by a paid voucher order. Its code is a bearer secret worth money, so only its hash (for
/// redeeming) and last four symbols (to tell vouchers apart) are kept; the buyer's copy is the email sent from the
/// sealed GiftVouchersIssued event.
/// </summary>
public sealed class GiftVoucher
{
    public Guid Id { get; set; }

    /// <summary><see cref="GiftVoucherCode.Hash"/>: unique, what a typed code is looked up by.</summary>
    public string CodeHash { get; set; } = "";

    public string CodeLastFour { get; set; } = "";
    public long InitialBalancePence { get; set; }
    public long BalancePence { get; set; }

    /// <summary>Unspent balance taken away because the order that bought the voucher was refunded.</summary>
    public long VoidedPence { get; set; }

    public DateTimeOffset? VoidedAt { get; set; }
    public Guid IssuedForOrderId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public string MaskedCode => GiftVoucherCode.MaskOf(CodeLastFour);
}

internal sealed class GiftVoucherConfiguration : IEntityTypeConfiguration<GiftVoucher>
{
    public void Configure(EntityTypeBuilder<GiftVoucher> e)
    {
        e.ToTable("gift_vouchers", t =>
        {
            t.HasCheckConstraint("ck_gift_vouchers_balance", "balance_pence >= 0 AND voided_pence >= 0 AND balance_pence + voided_pence <= initial_balance_pence");
        });
        e.HasKey(v => v.Id);
        e.HasIndex(v => v.CodeHash).IsUnique();
        e.HasIndex(v => v.IssuedForOrderId);
        e.Property(v => v.CodeHash).HasMaxLength(64).IsRequired();
        e.Property(v => v.CodeLastFour).HasMaxLength(4).IsRequired();
        e.Ignore(v => v.MaskedCode);
        e.HasOne<Order>().WithMany().HasForeignKey(v => v.IssuedForOrderId).OnDelete(DeleteBehavior.Restrict);
    }
}
