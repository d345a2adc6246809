using CultureHealth.Contracts;
using CultureHealth.Messaging.Data;
using CultureHealth.Messaging.Idempotency;
using CultureHealth.ServiceDefaults.Problems;
using CultureHealth.ServiceDefaults.Secrets;
using CultureHealth.Shop.Api;
using CultureHealth.Shop.Carts;
using CultureHealth.Shop.Data;
using CultureHealth.Shop.Domain;
using CultureHealth.Shop.Orders;
using CultureHealth.Shop.Telemetry;
using Microsoft.AspNetCore.OutputCaching;
using CultureHealth.Shop.Catalogue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CultureHealth.Shop.Checkout;

/// <summary>
/// Turns a cart into an order in one transaction: the Idempotency-Key's claim and sealed outcome, the cart,
/// stock, coupon, voucher, the order and its events all commit together or not at all.
/// </summary>
internal sealed partial class CheckoutService(
    ShopDbContext db,
    PriceCalculator calculator,
    IdempotencyStore idempotency,
    UnpaidOrderLimits limits,
    TimeProvider clock,
    IOptions<ShopOptions> options,
    IOutputCacheStore cache,
    EventSecrets secrets,
    ShopMetrics metrics,
    ILogger<CheckoutService> logger)
{
    private const string Actor = "customer";

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

        var order = NewOrder(orderId, request, pricing, items, now);
        var stock = await ReserveStockAsync(order, items, now, ct);
        if (coupon is not null)
        {
            coupon.Record.TimesRedeemed++;
            order.CouponId = coupon.Record.Id;
            db.CouponRedemptions.Add(new CouponRedemption
            {
                Id = Guid.CreateVersion7(now), CouponId = coupon.Record.Id, OrderId = order.Id,
                CustomerEmail = email.ToLowerInvariant(), RedeemedAt = now,
            });
        }

        if (voucher is not null && pricing.VoucherAppliedPence > 0)
        {
            voucher.BalancePence -= pricing.VoucherAppliedPence;
            voucher.UpdatedAt = now;
            order.GiftVoucherId = voucher.Id;
        }

        var token = SecretToken.Generate();
        order.AccessTokenHash = token.Hash;
        order.HoldClientAddress = clientAddress;
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

    /// <summary>
    /// The oversell guard: a conditional decrement per physical line, in product-id order so concurrent checkouts
    /// take row locks in the same order and cannot deadlock. A line that does not fit aborts the transaction.
    /// </summary>
    /// <returns>Whether a product sold out, and how many fell to their low-stock threshold.</returns>
    private async Task<StockReservation> ReserveStockAsync(Order order, IReadOnlyList<CartItem> items, DateTimeOffset now, CancellationToken ct)
    {
        var soldOut = false;
        var lowStockCrossings = 0;
        foreach (var item in items.Where(i => i.Product!.Kind == ProductKind.Physical).OrderBy(i => i.ProductId))
        {
            var product = item.Product!;
            var quantity = item.Quantity;
            var remaining = await db.Database.SqlQuery<int>(
                    $"UPDATE products SET stock = stock - {quantity}, updated_at = {now} WHERE id = {product.Id} AND stock >= {quantity} RETURNING stock AS \"Value\"")
                .ToListAsync(ct);
            if (remaining.Count == 0)
            {
                var available = await db.Products.Where(p => p.Id == product.Id).Select(p => p.Stock).SingleAsync(ct);
                throw ShopProblems.OutOfStock(product.Sku, available);
            }

            var stockAfter = remaining[0];
            soldOut |= stockAfter == 0;
            db.StockAdjustments.Add(new StockAdjustment
            {
                ProductId = product.Id, Delta = -quantity, StockAfter = stockAfter, OrderId = order.Id,
                Reason = $"Reserved for order {order.Number}", Actor = Actor, At = now,
            });
            if (stockAfter <= product.LowStockThreshold && stockAfter + quantity > product.LowStockThreshold)
            {
                // Raised once, when the threshold is crossed, not on every sale below it.
                db.PublishOnCommit(new StockLow(Guid.NewGuid(), now, product.Id, product.Sku, product.Name, stockAfter, product.LowStockThreshold), now);
                lowStockCrossings++;
            }
        }

        return new StockReservation(soldOut, lowStockCrossings);
    }

    private sealed record StockReservation(bool SoldOut, int LowStockCrossings);

    private Order NewOrder(Guid orderId, CheckoutRequest request, CartPricing pricing, IReadOnlyList<CartItem> items, DateTimeOffset now)
    {
        var address = request.ShippingAddress;
        var physical = pricing.RequiresShipping;
        var order = new Order
        {
            Id = orderId,
            Number = OrderNumber.Generate(ClinicTime.ToLondon(now)).Value,
            CustomerName = request.Customer!.Name!.Trim(),
            CustomerEmail = request.Customer.Email!.Trim(),
            ShippingLine1 = physical ? address?.Line1?.Trim() : null,
            ShippingLine2 = physical ? address?.Line2?.Trim() : null,
            ShippingCity = physical ? address?.City?.Trim() : null,
            ShippingPostcode = physical ? address?.Postcode?.Trim().ToUpperInvariant() : null,
            ShippingCountry = physical ? "GB" : null,
            Status = OrderStatus.PendingPayment,
            FulfilmentMode = Fulfilment.ModeFor(pricing.Lines.Select(l => l.Kind)),
            SubtotalPence = pricing.SubtotalPence,
            CouponCode = pricing.CouponCode,
            DiscountPence = pricing.DiscountPence,
            ShippingPence = pricing.ShippingPence,
            VatPence = pricing.VatPence,
            TotalPence = pricing.GrandTotalPence,
            VoucherAppliedPence = pricing.VoucherAppliedPence,
            AmountDuePence = pricing.AmountToPayPence,
            CreatedAt = now,
            UpdatedAt = now,
            PaymentDueBy = now + options.Value.PaymentTimeout,
        };
        order.Items.AddRange(pricing.Lines.Select((line, i) => new OrderItem
        {
            OrderId = orderId,
            LineNumber = i + 1,
            ProductId = items[i].ProductId,
            Sku = line.Sku,
            Name = line.Name,
            Kind = line.Kind,
            VatClass = line.VatClass,
            UnitPricePence = line.UnitPricePence,
            Quantity = line.Quantity,
            LineTotalPence = line.LineTotalPence,
            DiscountPence = line.DiscountPence,
            VatPence = line.VatPence,
            AppointmentTypeCode = items[i].Product!.AppointmentTypeCode,
            SessionsPerUnit = items[i].Product!.SessionsPerUnit,
        }));
        order.History.Add(new OrderStatusChange { OrderId = orderId, ToStatus = OrderStatus.PendingPayment, At = now, Actor = Actor, Reason = "Checked out" });
        return order;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderNumber} placed for {TotalPence}p with {LineCount} lines")]
    private static partial void LogPlaced(ILogger logger, string orderNumber, long totalPence, int lineCount);
}
