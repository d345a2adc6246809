using CultureHealth.Messaging.Data;
using CultureHealth.Shop.Data;
using CultureHealth.Shop.Domain;
using CultureHealth.Shop.Telemetry;
using Microsoft.AspNetCore.OutputCaching;
using CultureHealth.Shop.Application.Catalogue;
using CultureHealth.Shop.Application.Stock;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Shop.Application.Orders;

/// <summary>
/// Cancels an unpaid order and gives back what it held: stock, gift voucher balance and the coupon use.
/// Runs under the order's row lock and only from an unpaid status, so the release happens exactly once even
/// with several replicas sweeping at the same time.
/// </summary>
internal sealed class OrderCancellation(ShopDbContext db, StockLedger ledger, TimeProvider clock, IOutputCacheStore cache, ShopMetrics metrics)
{
    /// <returns>Whether this call cancelled the order (false if it was paid or cancelled meanwhile).</returns>
    public async Task<bool> CancelUnpaidAsync(Guid orderId, string actor, string reason, bool onlyIfOverdue, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var order = await OrderLoader.LockAsync(db, orderId, ct);
        var now = clock.GetUtcNow();
        if (order is null
            || order.Status is not (OrderStatus.PendingPayment or OrderStatus.PaymentFailed)
            || (onlyIfOverdue && order.PaymentDueBy > now))
        {
            return false;
        }

        order.MoveTo(OrderStatus.Cancelled, now, actor, reason);
        var stock = await ledger.RestockAsync(order, $"Released: order {order.Number} cancelled", actor, now, ct);
        if (order.GiftVoucherId is { } voucherId && order.VoucherAppliedPence > 0)
        {
            // A voucher voided meanwhile (its purchase was refunded) gets the amount as voided, not as spendable.
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                UPDATE gift_vouchers
                SET balance_pence = balance_pence + CASE WHEN voided_at IS NULL THEN {order.VoucherAppliedPence} ELSE 0 END,
                    voided_pence = voided_pence + CASE WHEN voided_at IS NULL THEN 0 ELSE {order.VoucherAppliedPence} END,
                    updated_at = {now}
                WHERE id = {voucherId}
                """, ct);
        }

        if (order.CouponId is { } couponId)
        {
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"UPDATE coupons SET times_redeemed = times_redeemed - 1 WHERE id = {couponId} AND times_redeemed > 0", ct);
            await db.CouponRedemptions.Where(r => r.OrderId == order.Id).ExecuteDeleteAsync(ct);
        }

        db.PublishOnCommit(OrderEvents.Cancelled(order, now, reason), now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        metrics.OrderCancelled();
        if (stock.BackInStock)
        {
            await CatalogueCache.EvictAsync(cache, ct);
        }

        return true;
    }
}
