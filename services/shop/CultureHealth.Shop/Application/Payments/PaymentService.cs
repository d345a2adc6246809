using CultureHealth.Messaging.Idempotency;
using CultureHealth.ServiceDefaults.Problems;
using CultureHealth.ServiceDefaults.Secrets;
using CultureHealth.Shop.Data;
using CultureHealth.Shop.Domain;
using CultureHealth.Shop.Application.Orders;
using CultureHealth.Shop.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Shop.Application.Payments;

/// <summary>
/// Collects an order's amount due, once per Idempotency-Key. The key is claimed, the attempt recorded, the provider
/// asked (with a key derived from ours, so it charges once however often it is asked) and the outcome applied
/// under the order's row lock, all in one transaction: a copy of the request waits for it and replays its outcome.
/// The transaction spans the provider call (bounded by the provider client's timeout); if the process dies before
/// it commits, nothing is recorded and the client's retry with the same key gets the provider's first charge back
/// rather than a second one.
/// </summary>
internal sealed partial class PaymentService(
    ShopDbContext db,
    IPaymentProvider provider,
    IdempotencyStore idempotency,
    EventSecrets secrets,
    TimeProvider clock,
    ShopMetrics metrics,
    ILogger<PaymentService> logger)
{
    public async Task<PaymentView> PayAsync(Guid orderId, PayOrderRequest request, IdempotentRequest idempotent, CancellationToken ct)
    {
        await EnsureOrderTokenAsync(orderId, request.OrderToken, ct);
        using var turn = await idempotency.WaitForTurnAsync(idempotent, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await idempotency.ClaimAsync<PaymentView>(db, idempotent, ct) is { } replay)
        {
            return replay;
        }

        var order = await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orderId, ct) ?? throw ShopProblems.OrderNotFound();
        EnsurePayable(order, request.AmountPence);
        var payment = await RecordAttemptAsync(order, idempotent.KeyHash, ct);
        var result = await provider.ChargeAsync(
            new ChargeRequest(order.Id, payment.AmountPence, "GBP", request.PaymentToken!, $"{order.Id:N}:{idempotent.KeyHash}"), ct);
        var applied = await ApplyInTransactionAsync(payment.Id, result, "system:payment", ct);
        var view = await ViewAsync(await db.Payments.AsNoTracking().SingleAsync(p => p.Id == payment.Id, ct), ct);
        await idempotency.CompleteAsync(db, idempotent, view, ct);
        await tx.CommitAsync(ct);
        CountOutcome(applied, result);
        return view;
    }

    /// <summary>
    /// Applies a provider's answer that arrived by webhook to the attempt and the order, once: only a pending
    /// attempt changes.
    /// </summary>
    public async Task ApplyOutcomeAsync(Guid paymentId, ChargeResult result, string actor, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var applied = await ApplyInTransactionAsync(paymentId, result, actor, ct);
        await tx.CommitAsync(ct);
        CountOutcome(applied, result);
    }

    private sealed record AppliedOutcome(bool Changed, bool PaidNow, long OrderTotalPence);

    /// <summary>
    /// Money taken for an order that can no longer be paid (cancelled by the sweeper meanwhile, or already paid by
    /// another attempt) goes straight back.
    /// </summary>
    private async Task<AppliedOutcome> ApplyInTransactionAsync(Guid paymentId, ChargeResult result, string actor, CancellationToken ct)
    {
        var orderId = await db.Payments.Where(p => p.Id == paymentId).Select(p => p.OrderId).SingleAsync(ct);
        var order = await OrderLoader.LockAsync(db, orderId, ct) ?? throw ShopProblems.OrderNotFound();
        var payment = await db.Payments.SingleAsync(p => p.Id == paymentId, ct);
        if (payment.Status != PaymentStatus.Pending)
        {
            return new AppliedOutcome(false, false, order.TotalPence);
        }

        var now = clock.GetUtcNow();
        var paidNow = false;
        payment.UpdatedAt = now;
        payment.ProviderChargeId ??= result.ChargeId;
        switch (result.Outcome)
        {
            case ChargeOutcome.Pending:
                break;
            case ChargeOutcome.Declined:
                payment.Status = PaymentStatus.Failed;
                payment.FailureReason = result.FailureReason ?? "declined";
                if (order.Status == OrderStatus.PendingPayment)
                {
                    order.MoveTo(OrderStatus.PaymentFailed, now, actor, payment.FailureReason);
                }

                break;
            case ChargeOutcome.Succeeded when result.AmountPence != payment.AmountPence:
                // Never accept a different amount than the order's: refund it and record why.
                payment.Status = PaymentStatus.Failed;
                payment.FailureReason = "amount_mismatch";
                await RefundChargeAsync(payment, result, ct);
                break;
            case ChargeOutcome.Succeeded when order.Status is OrderStatus.PendingPayment or OrderStatus.PaymentFailed:
                payment.Status = PaymentStatus.Succeeded;
                OrderSettlement.MarkPaid(db, secrets, order, payment.AmountPence, now, actor);
                paidNow = true;
                break;
            case ChargeOutcome.Succeeded:
                payment.Status = PaymentStatus.Failed;
                payment.FailureReason = $"order_{order.Status.ToString().ToLowerInvariant()}";
                await RefundChargeAsync(payment, result, ct);
                LogChargeForUnpayableOrder(logger, order.Number, order.Status);
                break;
        }

        await db.SaveChangesAsync(ct);
        return new AppliedOutcome(true, paidNow, order.TotalPence);
    }

    /// <summary>Counted after the commit, so a rolled-back attempt is never counted.</summary>
    private void CountOutcome(AppliedOutcome applied, ChargeResult result)
    {
        if (applied.PaidNow)
        {
            metrics.OrderPaid(applied.OrderTotalPence);
        }
        else if (applied.Changed && result.Outcome == ChargeOutcome.Declined)
        {
            metrics.CheckoutFailed("payment_declined");
        }
    }

    private async Task RefundChargeAsync(Payment payment, ChargeResult result, CancellationToken ct)
    {
        if (result.ChargeId is { } chargeId)
        {
            await provider.RefundAsync(chargeId, result.AmountPence, $"void:{payment.Id:N}", ct);
        }
    }

    /// <summary>
    /// Before anything about the order is read, claimed or said: only the holder of the order's token may pay (or
    /// fail to pay) it, and a wrong token answers exactly like a missing order, at the same cost.
    /// </summary>
    private async Task EnsureOrderTokenAsync(Guid orderId, string? orderToken, CancellationToken ct)
    {
        var hash = await db.Orders.AsNoTracking().Where(o => o.Id == orderId).Select(o => o.AccessTokenHash).FirstOrDefaultAsync(ct);
        if (!SecretToken.Verify(orderToken, hash ?? SecretToken.Unmatchable) || hash is null)
        {
            throw ShopProblems.OrderNotFound();
        }
    }

    private static void EnsurePayable(Order order, long? claimedAmount)
    {
        if (order.Status is not (OrderStatus.PendingPayment or OrderStatus.PaymentFailed))
        {
            throw ProblemException.Conflict("Order cannot be paid", $"Order {order.Number} is {order.Status} and cannot take a payment.");
        }

        if (order.AmountDuePence == 0)
        {
            throw ProblemException.Conflict("Nothing to pay", $"Order {order.Number} has nothing left to pay.");
        }

        if (claimedAmount is { } amount && amount != order.AmountDuePence)
        {
            throw ProblemException.Unprocessable(
                "amountPence", $"The amount does not match order {order.Number}: {order.AmountDuePence}p is due.");
        }
    }

    private async Task<Payment> RecordAttemptAsync(Order order, string idempotencyKeyHash, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var payment = new Payment
        {
            Id = Guid.CreateVersion7(now), OrderId = order.Id, Provider = provider.Name, IdempotencyKeyHash = idempotencyKeyHash,
            AmountPence = order.AmountDuePence, Status = PaymentStatus.Pending, CreatedAt = now, UpdatedAt = now,
        };
        db.Payments.Add(payment);
        await db.SaveChangesAsync(ct);
        return payment;
    }

    private async Task<PaymentView> ViewAsync(Payment payment, CancellationToken ct)
    {
        var orderStatus = await db.Orders.Where(o => o.Id == payment.OrderId).Select(o => o.Status).SingleAsync(ct);
        return new PaymentView(payment.Id, payment.OrderId, payment.Status, payment.AmountPence, "GBP", payment.FailureReason, orderStatus);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A charge succeeded for order {OrderNumber} while it was {Status}; the charge was refunded")]
    private static partial void LogChargeForUnpayableOrder(ILogger logger, string orderNumber, OrderStatus status);
}
