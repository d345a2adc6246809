using CultureHealth.Storefront.Api;

namespace CultureHealth.Storefront.Pages.Shop;

/// <summary>
/// The money lines of a cart or an order, shown the UK way: every price includes VAT, and the total says how much
/// of it is VAT. Gift vouchers and refunds appear only where they apply.
/// </summary>
public sealed record Totals(
    long SubtotalPence, string? CouponCode, long DiscountPence, bool Delivered, long ShippingPence, long TotalPence, long VatPence,
    long VoucherAppliedPence = 0, long? AmountDuePence = null, long RefundedPence = 0)
{
    public static Totals Of(Api.Cart cart) => new(
        cart.SubtotalPence, cart.CouponCode, cart.DiscountPence, cart.NeedsDelivery, cart.ShippingPence, cart.TotalPence, cart.VatPence);

    public static Totals Of(Order order) => new(
        order.SubtotalPence, order.CouponCode, order.DiscountPence, order.ShippingAddress is not null || order.ShippingPence > 0,
        order.ShippingPence, order.TotalPence, order.VatPence, order.VoucherAppliedPence,
        order.VoucherAppliedPence > 0 ? order.AmountDuePence : null, order.RefundedPence);
}
