using CultureHealth.Messaging.Data;
using CultureHealth.Messaging.Idempotency;
using CultureHealth.ServiceDefaults.Problems;
using CultureHealth.ServiceDefaults.Secrets;
using CultureHealth.Shop.Application.Carts;
using CultureHealth.Shop.Application.Catalogue;
using CultureHealth.Shop.Application.Orders;
using CultureHealth.Shop.Application.Stock;
using CultureHealth.Shop.Data;
using CultureHealth.Shop.Domain;
using CultureHealth.Shop.Telemetry;
using Microsoft.AspNetCore.OutputCaching;

namespace CultureHealth.Shop.Application.Checkout;

/// <summary>
/// Turns a cart into an order in one transaction: the Idempotency-Key's claim and sealed outcome, the cart,
/// stock, coupon, voucher, the order and its events all commit together or not at all. The steps live elsewhere
/// (<see cref="CheckoutLocks"/>, <see cref="StockLedger"/>, <see cref="OrderFactory"/>, <see cref="UnpaidOrderLimits"/>);
/// this is their order.
/// </summary>
internal sealed partial class CheckoutService(
    CheckoutGate gate,
    ShopDbContext db,
    PriceCalculator calculator,
    IdempotencyStore idempotency,
    UnpaidOrderLimits limits,
    CheckoutLocks locks,
    OrderFactory orders,
    StockLedger ledger,
    TimeProvider clock,
    IOutputCacheStore cache,
    EventSecrets secrets,
    ShopMetrics metrics,
    ILogger<CheckoutService> logger)
{
    /// <summary>Places the order, or answers a repeat of <paramref name="idempotent"/> with the order it placed.</summary>
    /// <param name="clientAddress">The client's address as the trusted proxy forwarded it; null when unknown.</param>
    public async Task<CheckoutResult> PlaceAsync(CheckoutRequest request, IdempotentRequest idempotent, string? clientAddress, CancellationToken ct)
    {
        using var slot = await gate.EnterAsync(ct);
        using var turn = await idempotency.WaitForTurnAsync(idempotent, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await idempotency.ClaimAsync<CheckoutResult>(db, idempotent, ct) is { } replay)
        {
            return replay;
        }

        var now = clock.GetUtcNow();
        var email = request.Customer!.Email!.Trim();
        await limits.EnsureRoomAsync(email, clientAddress, now, locked: false, ct);
        var orderId = Guid.CreateVersion7(now);
        var cart = await locks.ClaimCartAsync(request.CartId!, orderId, now, ct);
        var items = cart.Items.OrderBy(i => i.AddedAt).ToList();
        if (items.Count == 0)
        {
            throw ProblemException.Unprocessable("cartId", "The cart is empty.");
        }

        if (items.FirstOrDefault(i => i.Product is not { Active: true }) is { } withdrawn)
        {
            throw new ProblemException(StatusCodes.Status409Conflict, "No longer sold",
                $"{withdrawn.Product?.Sku} is no longer for sale; remove it from the cart.", $"items[{withdrawn.Product?.Sku}]");
        }

        var lines = items.Select(i => CartQuoter.ToLine(i.Product!, i.Quantity)).ToList();
        if (lines.Any(l => l.Kind == ProductKind.Physical) && request.ShippingAddress is null)
        {
            throw ProblemException.Unprocessable("shippingAddress", "A delivery address is needed for physical items.");
        }

        var coupon = cart.CouponCode is null ? null : await locks.LockCouponAsync(cart.CouponCode, email, lines, now, ct);
        var voucher = request.GiftVoucherCode is null ? null : await locks.LockVoucherAsync(request.GiftVoucherCode, ct);

        var priced = calculator.Price(lines, coupon?.Applied, voucher?.BalancePence ?? 0);
        if (priced.Pricing is not { } pricing)
        {
            var error = priced.Errors[0];
            throw ProblemException.Unprocessable(error.Field, error.Message);
        }

        var token = SecretToken.Generate();
        var spendsVoucher = voucher is not null && pricing.VoucherAppliedPence > 0;
        var order = orders.Create(
            new OrderDraft(orderId, request, pricing, items, coupon?.Record.Id, spendsVoucher ? voucher!.Id : null, token.Hash, clientAddress), now);
        var stock = await ledger.ReserveAsync(order, items.Select(i => (i.Product!, i.Quantity)), OrderFactory.Actor, now, ct);
        if (coupon is not null)
        {
            locks.Redeem(coupon.Record, order, email, now);
        }

        if (spendsVoucher)
        {
            voucher!.BalancePence -= pricing.VoucherAppliedPence;
            voucher.UpdatedAt = now;
        }

        await limits.EnsureRoomAsync(email, clientAddress, now, locked: true, ct);
        db.Orders.Add(order);
        db.PublishOnCommit(OrderEvents.Placed(order, now), now);
        if (order.AmountDuePence == 0)
        {
            // Paid in full by a gift voucher: nothing to collect by card.
            OrderSettlement.MarkPaid(db, secrets, order, 0, now, "system:gift-voucher");
        }

        await db.SaveChangesAsync(ct);

        var result = new CheckoutResult(order.Id, order.Number, token.Value, OrderView.From(order, []));
        if (order.Status != OrderStatus.PendingPayment)
        {
            result = result with { Order = await OrderLoader.ViewAsync(db, order, ct) };
        }

        await idempotency.CompleteAsync(db, idempotent, result, ct);
        await tx.CommitAsync(ct);
        metrics.OrderPlaced();
        if (order.Status != OrderStatus.PendingPayment)
        {
            metrics.OrderPaid(order.TotalPence);
        }

        metrics.StockLow(stock.LowStockCrossings);
        if (stock.SoldOut)
        {
            // The catalogue's in-stock flag must not advertise what can no longer be bought.
            await CatalogueCache.EvictAsync(cache, ct);
        }

        LogPlaced(logger, order.Number, order.TotalPence, order.Items.Count);
        return result;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderNumber} placed for {TotalPence}p with {LineCount} lines")]
    private static partial void LogPlaced(ILogger logger, string orderNumber, long totalPence, int lineCount);
}
