using CultureHealth.ServiceDefaults.Problems;
using CultureHealth.ServiceDefaults.Secrets;
using CultureHealth.Shop.Api;
using CultureHealth.Shop.Data;
using CultureHealth.Shop.Domain;
using CultureHealth.Shop.Orders;
using CultureHealth.Shop.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Shop.Payments;

/// <summary>
/// Collects an order's amount due. The attempt is recorded (one row per order and Idempotency-Key) before the
/// provider is called, the provider is asked with a key derived from it (so it charges once however often we
/// ask), and the outcome is applied under the order's row lock. A retry with the same key returns what the
/// first attempt got; a retry after a crash finishes the same attempt rather than charging again.
/// </summary>
internal sealed partial class PaymentService(
    ShopDbContext db, IPaymentProvider provider, EventSecrets secrets, TimeProvider clock, ShopMetrics metrics, ILogger<PaymentService> logger)
{
    public async Task<PaymentView> PayAsync(Guid orderId, PayOrderRequest request, string idempotencyKey, CancellationToken ct)
    {
        var order = await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orderId, ct);
        // Before anything about the order is looked at or said: a wrong token and a missing order are one answer.
        if (!SecretToken.Matches(request.OrderToken, order?.AccessTokenHash ?? SecretToken.Unmatchable) || order is null)
        {
            throw ShopProblems.OrderNotFound();
        }

        var payment = await db.Payments.AsNoTracking().FirstOrDefaultAsync(p => p.OrderId == orderId && p.IdempotencyKey == idempotencyKey, ct);
        if (payment is not null && (payment.Status != PaymentStatus.Pending || payment.ProviderChargeId is not null))
        {
            return await ViewAsync(payment, ct);
        }

        if (payment is null)
        {
            EnsurePayable(order, request.AmountPence);
            payment = await RecordAttemptAsync(order, idempotencyKey, ct);
        }

        var result = await provider.ChargeAsync(
            new ChargeRequest(order.Id, payment.AmountPence, "GBP", request.PaymentToken!, $"{order.Id:N}:{idempotencyKey}"), ct);
        await ApplyOutcomeAsync(payment.Id, result, "system:payment", ct);
        return await ViewAsync(await db.Payments.AsNoTracking().SingleAsync(p => p.Id == payment.Id, ct), ct);
    }

    /// <summary>
    /// Applies a provider's answer (direct or by webhook) to the attempt and the order, once: only a pending
    /// attempt changes. Money taken for an order that can no longer be paid (cancelled by the sweeper meanwhile,
    /// or already paid by another attempt) goes straight back.
    /// </summary>
    public async Task ApplyOutcomeAsync(Guid paymentId, ChargeResult result, string actor, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var orderId = await db.Payments.Where(p => p.Id == paymentId).Select(p => p.OrderId).SingleAsync(ct);
        var order = await OrderLoader.LockAsync(db, orderId, ct) ?? throw ShopProblems.OrderNotFound();
        var payment = await db.Payments.SingleAsync(p => p.Id == paymentId, ct);
        if (payment.Status != PaymentStatus.Pending)
        {
            return;
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
        await tx.CommitAsync(ct);
        if (paidNow)
        {
            metrics.OrderPaid(order.TotalPence);
        }
        else if (result.Outcome == ChargeOutcome.Declined)
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

    private async Task<Payment> RecordAttemptAsync(Order order, string idempotencyKey, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var payment = new Payment
        {
            Id = Guid.CreateVersion7(now), OrderId = order.Id, Provider = provider.Name, IdempotencyKey = idempotencyKey,
            AmountPence = order.AmountDuePence, Status = PaymentStatus.Pending, CreatedAt = now, UpdatedAt = now,
        };
        db.Payments.Add(payment);
        try
        {
            await db.SaveChangesAsync(ct);
            return payment;
        }
        catch (DbUpdateException e) when (ShopProblems.IsUniqueViolation(e))
        {
            // The same key arrived twice at once: carry on with the attempt the other request recorded.
            db.Entry(payment).State = EntityState.Detached;
            return await db.Payments.AsNoTracking().SingleAsync(p => p.OrderId == order.Id && p.IdempotencyKey == idempotencyKey, ct);
        }
    }

    private async Task<PaymentView> ViewAsync(Payment payment, CancellationToken ct)
    {
        var orderStatus = await db.Orders.Where(o => o.Id == payment.OrderId).Select(o => o.Status).SingleAsync(ct);
        return new PaymentView(payment.Id, payment.OrderId, payment.Status, payment.AmountPence, "GBP", payment.FailureReason, orderStatus);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A charge succeeded for order {OrderNumber} while it was {Status}; the charge was refunded")]
    private static partial void LogChargeForUnpayableOrder(ILogger logger, string orderNumber, OrderStatus status);
}
