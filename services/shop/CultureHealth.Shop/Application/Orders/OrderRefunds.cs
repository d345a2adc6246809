using CultureHealth.Messaging.Data;
using CultureHealth.ServiceDefaults.Problems;
using CultureHealth.Shop.Data;
using CultureHealth.Shop.Domain;
using CultureHealth.Shop.Application.Payments;
using CultureHealth.Shop.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Shop.Application.Orders;

/// <param name="AmountPence">Null refunds everything still refundable.</param>
/// <param name="OverrideSpentVouchers">Staff confirm that voucher value already spent is refunded anyway.</param>
/// <param name="OverrideReason">Required with the override; kept on the refund row (admin audits the request too).</param>
public sealed record RefundCommand(long? AmountPence, string Reason, bool OverrideSpentVouchers, string? OverrideReason);

/// <summary>
/// A staff refund to the card, in one transaction under the order's row lock: the lifecycle step, the gift
/// vouchers the order bought voided as far as the refund reaches them, the provider's refund, the refund row
/// and the OrderRefunded event. A refused rule throws before the provider is asked.
/// </summary>
internal sealed partial class OrderRefunds(
    ShopDbContext db, IPaymentProvider provider, StaffOrderQueries views, TimeProvider clock, ShopMetrics metrics, ILogger<OrderRefunds> logger)
{
    /// <returns>The refunded order, or null if there is no such order.</returns>
    /// <exception cref="ProblemException">The lifecycle, the amount or a spent voucher says no (<see cref="ShopProblems.From"/>).</exception>
    public async Task<StaffOrderView?> RefundAsync(Guid orderId, RefundCommand command, string actor, CancellationToken ct)
    {
        Order? order;
        try
        {
            order = await RefundUnderLockAsync(orderId, command, actor, ct);
        }
        catch (ShopDomainException e)
        {
            throw ShopProblems.From(e);
        }

        return order is null ? null : await views.ViewAsync(order, ct);
    }

    private async Task<Order?> RefundUnderLockAsync(Guid orderId, RefundCommand command, string actor, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var order = await OrderLoader.LockAsync(db, orderId, ct);
        if (order is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var amount = command.AmountPence ?? order.AmountPaidPence - order.RefundedPence;
        var outcome = order.Lifecycle.Refund(order.Status, order.AmountPaidPence, order.RefundedPence, amount, now, actor, command.Reason);
        var vouchers = await db.GiftVouchers
            .FromSqlInterpolated($"SELECT * FROM gift_vouchers WHERE issued_for_order_id = {order.Id} ORDER BY created_at, id FOR UPDATE")
            .ToListAsync(ct);
        var overriddenBefore = await db.Refunds.Where(r => r.OrderId == order.Id).SumAsync(r => r.SpentVoucherPence, ct);
        var plan = GiftVoucherRefunds.Plan(
            order.AmountPaidPence, vouchers.Sum(v => v.InitialBalancePence), order.RefundedPence, amount,
            vouchers.Sum(v => v.VoidedPence) + overriddenBefore,
            vouchers.Select(v => new VoucherBalance(v.Id, v.BalancePence)).ToList(), command.OverrideSpentVouchers);

        var payment = await db.Payments.AsNoTracking()
            .FirstOrDefaultAsync(p => p.OrderId == order.Id && p.Status == PaymentStatus.Succeeded, ct)
            ?? throw ProblemException.Conflict("No card payment", "This order was not paid by card, so there is nothing to refund to a card.");
        foreach (var cut in plan.Voids)
        {
            var voucher = vouchers.Single(v => v.Id == cut.VoucherId);
            voucher.BalancePence -= cut.AmountPence;
            voucher.VoidedPence += cut.AmountPence;
            voucher.VoidedAt ??= now;
            voucher.UpdatedAt = now;
        }

        var refundId = Guid.CreateVersion7(now);
        var result = await provider.RefundAsync(payment.ProviderChargeId!, amount, $"refund:{refundId:N}", ct);
        if (!result.Succeeded)
        {
            throw ProblemException.Conflict("Refund failed", $"The payment provider refused the refund ({result.FailureReason}).");
        }

        order.Apply(outcome.Transition);
        order.RefundedPence += amount;
        var overrideReason = plan.SpentPence > 0 ? command.OverrideReason : null;
        db.Refunds.Add(new Refund
        {
            Id = refundId, OrderId = order.Id, PaymentId = payment.Id, AmountPence = amount, ProviderRefundId = result.RefundId,
            Reason = command.Reason, Actor = actor, SpentVoucherPence = plan.SpentPence, OverrideReason = overrideReason, CreatedAt = now,
        });
        db.PublishOnCommit(OrderEvents.Refunded(order, now, amount, outcome.IsFullRefund), now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);

        metrics.OrderRefunded(amount);
        if (plan.SpentPence > 0)
        {
            LogSpentVoucherOverride(logger, order.Number, plan.SpentPence, actor);
        }

        return order;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderNumber}: {SpentPence}p of spent gift voucher value refunded by override of {Actor}")]
    private static partial void LogSpentVoucherOverride(ILogger logger, string orderNumber, long spentPence, string actor);
}
