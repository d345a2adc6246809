using CultureHealth.Shop.Data;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Shop.Application.Orders;

/// <param name="MaskedCode">"XXXX-XXXX-XXXX-HW4C".</param>
/// <param name="Status">active, spent or voided.</param>
public sealed record GiftVoucherStaffView(
    Guid Id, string MaskedCode, long InitialBalancePence, long BalancePence, long VoidedPence, string Status,
    Guid IssuedForOrderId, string OrderNumber, DateTimeOffset CreatedAt);

/// <summary>
/// Gift vouchers as staff see them: the masked code (last four symbols only; the code itself exists only in the
/// buyer's email), what it was worth, what is left, and whether it is still usable. Read-only.
/// </summary>
internal sealed class StaffGiftVouchers(ShopDbContext db)
{
    /// <summary>Newest first, with the number of the order that bought each.</summary>
    public async Task<PagedList<GiftVoucherStaffView>> ListAsync(int page, int pageSize, CancellationToken ct)
    {
        var (total, rows) = await PagedQuery.PageAsync(db.GiftVouchers.AsNoTracking(),
            q => q.OrderByDescending(v => v.CreatedAt).ThenBy(v => v.Id),
            q => q.Join(db.Orders, v => v.IssuedForOrderId, o => o.Id, (v, o) => new { Voucher = v, o.Number }),
            page, pageSize, ct);
        var items = rows.Select(r => new GiftVoucherStaffView(
            r.Voucher.Id, r.Voucher.MaskedCode, r.Voucher.InitialBalancePence, r.Voucher.BalancePence, r.Voucher.VoidedPence,
            StatusOf(r.Voucher), r.Voucher.IssuedForOrderId, r.Number, r.Voucher.CreatedAt)).ToList();
        return new PagedList<GiftVoucherStaffView>(items, page, pageSize, total);
    }

    /// <summary>"voided" once its purchase was refunded, "spent" at nothing left, else "active".</summary>
    private static string StatusOf(GiftVoucher v) => v.VoidedAt is not null ? "voided" : v.BalancePence == 0 ? "spent" : "active";
}
