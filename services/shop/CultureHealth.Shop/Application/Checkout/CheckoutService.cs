using CultureHealth.Messaging.Data;
using CultureHealth.Messaging.Idempotency;
using CultureHealth.ServiceDefaults.Problems;
using CultureHealth.ServiceDefaults.Secrets;
using CultureHealth.Shop.Application.Carts;
using CultureHealth.Shop.Data;
using CultureHealth.Shop.Domain;
using CultureHealth.Shop.Application.Orders;
using CultureHealth.Shop.Application.Stock;
using CultureHealth.Shop.Telemetry;
using Microsoft.AspNetCore.OutputCaching;
using CultureHealth.Shop.Application.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Shop.Application.Checkout;

/// <summary>
/// Turns a cart into an order in one transaction: the Idempotency-Key's claim and sealed outcome, the cart,
/// stock, coupon, voucher, the order and its events all commit together or not at all.
/// </summary>
internal sealed partial class CheckoutService(
    ShopDbContext db,
    PriceCalculator calculator,
    IdempotencyStore idempotency,
    UnpaidOrderLimits limits,
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
        var cart = await ClaimCartAsync(request.CartId!, orderId, now, ct);
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

        var coupon = cart.CouponCode is null ? null : await LockCouponAsync(cart.CouponCode, email, lines, now, ct);
        var voucher = request.GiftVoucherCode is null ? null : await LockVoucherAsync(request.GiftVoucherCode, ct);

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
            Redeem(coupon.Record, order, email, now);
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

    /// <summary>
    /// Marks the cart as becoming this order. The conditional update takes the cart's row lock, so two checkouts of
    /// one cart (with different keys) cannot both succeed.
    /// </summary>
    private async Task<Cart> ClaimCartAsync(string cartToken, Guid orderId, DateTimeOffset now, CancellationToken ct)
    {
        var cartId = cartToken.Length == SecretToken.TokenLength ? SecretToken.HashOf(cartToken) : "";
        var claimed = await db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE carts SET order_id = {orderId}, updated_at = {now} WHERE id = {cartId} AND order_id IS NULL AND expires_at > {now}", ct);
        var cart = await db.Carts.AsNoTracking().Include(c => c.Items).ThenInclude(i => i.Product)
            .FirstOrDefaultAsync(c => c.Id == cartId, ct);
        if (claimed == 1 && cart is not null)
        {
            return cart;
        }

        throw cart is null || cart.ExpiresAt <= now ? ShopProblems.CartNotFound() : ShopProblems.CartCheckedOut();
    }

    private sealed record LockedCoupon(CouponRecord Record, CouponApplied Applied);

    /// <summary>Row-locks the coupon so its usage limits are counted without a race, then applies its rules.</summary>
    private async Task<LockedCoupon> LockCouponAsync(string code, string email, IReadOnlyList<CartLine> lines, DateTimeOffset now, CancellationToken ct)
    {
        var record = (await db.Coupons.FromSqlInterpolated($"SELECT * FROM coupons WHERE code = {code} FOR UPDATE").ToListAsync(ct))
            .SingleOrDefault() ?? throw ShopProblems.CouponRefused("couponCode", null);
        var lowerEmail = email.ToLowerInvariant();
        var byCustomer = await db.CouponRedemptions.CountAsync(r => r.CouponId == record.Id && r.CustomerEmail == lowerEmail, ct);
        return CouponEvaluator.Evaluate(record.ToDomain(), lines, now, record.TimesRedeemed, byCustomer) switch
        {
            CouponApplied applied => new LockedCoupon(record, applied),
            CouponRejected rejected => throw ShopProblems.CouponRefused("couponCode", rejected),
            _ => throw new InvalidOperationException("Unknown coupon evaluation."),
        };
    }

    private async Task<GiftVoucher> LockVoucherAsync(string typedCode, CancellationToken ct)
    {
        var codeHash = GiftVoucherCode.Parse(typedCode).Hash;
        var voucher = (await db.GiftVouchers.FromSqlInterpolated($"SELECT * FROM gift_vouchers WHERE code_hash = {codeHash} FOR UPDATE").ToListAsync(ct))
            .SingleOrDefault() ?? throw ProblemException.Unprocessable("giftVoucherCode", "That gift voucher code is not recognised.");
        return voucher.BalancePence > 0
            ? voucher
            : throw ProblemException.Unprocessable("giftVoucherCode", "That gift voucher has been spent.");
    }

    private void Redeem(CouponRecord coupon, Order order, string email, DateTimeOffset now)
    {
        coupon.TimesRedeemed++;
        db.CouponRedemptions.Add(new CouponRedemption
        {
            Id = Guid.CreateVersion7(now), CouponId = coupon.Id, OrderId = order.Id,
            CustomerEmail = email.ToLowerInvariant(), RedeemedAt = now,
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderNumber} placed for {TotalPence}p with {LineCount} lines")]
    private static partial void LogPlaced(ILogger logger, string orderNumber, long totalPence, int lineCount);
}
