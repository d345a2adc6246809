using System.Globalization;

namespace CultureHealth.Shop.Domain;

/// <summary>What is left to spend on one gift voucher that the order being refunded bought.</summary>
public sealed record VoucherBalance(Guid VoucherId, long BalancePence);

/// <summary>Unspent balance a refund takes off a voucher.</summary>
public sealed record VoucherVoid(Guid VoucherId, long AmountPence);

/// <param name="Voids">Unspent balances this refund voids, in the refund's transaction.</param>
/// <param name="SpentPence">Voucher value already spent that this refund returns anyway (only with an override).</param>
public sealed record VoucherRefundPlan(IReadOnlyList<VoucherVoid> Voids, long SpentPence)
{
    public static readonly VoucherRefundPlan None = new([], 0);
}

/// <summary>A refund would return voucher value that has already been spent, and no override was given.</summary>
public sealed class SpentVoucherRefundException(long spentPence, long refundableWithoutOverridePence) : ShopDomainException(
    string.Create(CultureInfo.InvariantCulture,
        $"{spentPence}p of the gift vouchers this order bought has already been spent. Refund at most {refundableWithoutOverridePence}p, or confirm the spent part with overrideSpentVouchers and an overrideReason."))
{
    public long SpentPence { get; } = spentPence;
}

/// <summary>
/// Money refunded for an order that bought gift vouchers must not leave those vouchers spendable. The order's other
/// goods are refunded first and touch no voucher while the refunded total stays within what was paid for them; beyond
/// that every penny refunded voids a penny of unspent voucher balance, and a penny that was already spent goes back
/// only with an explicit, audited override.
/// </summary>
public static class GiftVoucherRefunds
{
    /// <param name="amountPaidPence">What the order's card payment took.</param>
    /// <param name="voucherValuePence">The face value of every voucher the order bought.</param>
    /// <param name="refundedBeforePence">Refunded by earlier refunds.</param>
    /// <param name="refundPence">This refund.</param>
    /// <param name="coveredBeforePence">Voucher value already taken back: voided by earlier refunds, or refunded by override.</param>
    /// <param name="unspent">The vouchers' balances, in the order they should be voided.</param>
    /// <exception cref="SpentVoucherRefundException">The refund reaches spent value and <paramref name="overrideSpent"/> is false.</exception>
    public static VoucherRefundPlan Plan(
        long amountPaidPence, long voucherValuePence, long refundedBeforePence, long refundPence, long coveredBeforePence,
        IReadOnlyList<VoucherBalance> unspent, bool overrideSpent)
    {
        ArgumentNullException.ThrowIfNull(unspent);
        if (voucherValuePence <= 0)
        {
            return VoucherRefundPlan.None;
        }

        var paidForOtherGoods = Math.Max(0, amountPaidPence - voucherValuePence);
        var mustBeCovered = Math.Min(voucherValuePence, Math.Max(0, refundedBeforePence + refundPence - paidForOtherGoods));
        var toCover = Math.Max(0, mustBeCovered - coveredBeforePence);
        var voids = new List<VoucherVoid>();
        foreach (var voucher in unspent.Where(v => v.BalancePence > 0))
        {
            if (toCover == 0)
            {
                break;
            }

            var take = Math.Min(toCover, voucher.BalancePence);
            voids.Add(new VoucherVoid(voucher.VoucherId, take));
            toCover -= take;
        }

        if (toCover > 0 && !overrideSpent)
        {
            throw new SpentVoucherRefundException(toCover, refundPence - toCover);
        }

        return new VoucherRefundPlan(voids, toCover);
    }
}
