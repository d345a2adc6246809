using CultureHealth.Shop.Data;
using CultureHealth.Shop.Domain;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Shop.Application.Carts;

/// <summary>Prices a cart from the current catalogue with the domain's <see cref="PriceCalculator"/>.</summary>
internal sealed class CartQuoter(ShopDbContext db, PriceCalculator calculator, TimeProvider clock)
{
    public static CartLine ToLine(Product p, int quantity) => new(p.Sku, p.Name, p.Kind, p.VatClass, p.PricePence, quantity);

    /// <param name="cart">With <see cref="Cart.Items"/> and their products loaded.</param>
    public async Task<CartView> ViewAsync(Cart cart, string? token, CancellationToken ct)
    {
        var available = cart.Items.Where(i => i.Product is { Active: true }).OrderBy(i => i.AddedAt).ToList();
        var unavailable = cart.Items.Where(i => i.Product is not { Active: true }).Select(i => i.Product?.Sku ?? i.ProductId.ToString()).ToList();
        var lines = available.Select(i => ToLine(i.Product!, i.Quantity)).ToList();

        string? couponProblem = null;
        CouponApplied? applied = null;
        if (cart.CouponCode is { } code && lines.Count > 0)
        {
            var record = await db.Coupons.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code, ct);
            var evaluation = record is null
                ? new CouponRejected(code, CouponRejectionReason.NotActive, $"The code {code} is no longer available.")
                : CouponEvaluator.Evaluate(record.ToDomain(), lines, clock.GetUtcNow(), record.TimesRedeemed, 0);
            applied = evaluation as CouponApplied;
            couponProblem = (evaluation as CouponRejected)?.Message;
        }

        var pricing = lines.Count == 0 ? null : calculator.Price(lines, applied).Pricing;
        var views = pricing is null
            ? []
            : pricing.Lines.Select((line, i) => new CartLineView(
                line.Sku, available[i].Product!.Slug, line.Name, line.Kind, line.UnitPricePence, line.Quantity,
                line.LineTotalPence, line.DiscountPence, line.VatPence, InStock(available[i]))).ToList();

        return new CartView(
            token, views, unavailable, cart.CouponCode, couponProblem,
            SubtotalPence: pricing?.SubtotalPence ?? 0,
            DiscountPence: pricing?.DiscountPence ?? 0,
            ShippingPence: pricing?.ShippingPence ?? 0,
            VatPence: pricing?.VatPence ?? 0,
            TotalPence: pricing?.GrandTotalPence ?? 0,
            Currency: "GBP",
            ExpiresAt: cart.ExpiresAt);
    }

    private static bool InStock(CartItem item) => item.Product!.Kind != ProductKind.Physical || item.Product.Stock >= item.Quantity;
}
