using CultureHealth.Shop.Data;
using CultureHealth.Shop.Domain;

namespace CultureHealth.Shop.Application.Orders;

public sealed record OrderLineView(
    string Sku, string Name, ProductKind Kind, long UnitPricePence, int Quantity, long LineTotalPence,
    long DiscountPence, long VatPence, string? AppointmentTypeCode, int? SessionsPerUnit);

public sealed record ShippingAddressView(string Line1, string? Line2, string City, string Postcode, string Country);

public sealed record OrderHistoryView(OrderStatus? From, OrderStatus To, DateTimeOffset At, string Actor, string? Reason);

/// <param name="MaskedCode">"XXXX-XXXX-XXXX-HW4C": the code itself is only ever in the buyer's email.</param>
public sealed record GiftVoucherView(string MaskedCode, long BalancePence);

public sealed record OrderView(
    Guid Id,
    string Number,
    OrderStatus Status,
    string CustomerName,
    string CustomerEmail,
    ShippingAddressView? ShippingAddress,
    IReadOnlyList<OrderLineView> Lines,
    long SubtotalPence,
    string? CouponCode,
    long DiscountPence,
    long ShippingPence,
    long VatPence,
    long TotalPence,
    long VoucherAppliedPence,
    long AmountDuePence,
    long AmountPaidPence,
    long RefundedPence,
    string Currency,
    string? TrackingReference,
    DateTimeOffset CreatedAt,
    DateTimeOffset PaymentDueBy,
    IReadOnlyList<OrderHistoryView> History,
    IReadOnlyList<GiftVoucherView> GiftVouchers)
{
    public static OrderView From(Order o, IReadOnlyList<GiftVoucher> vouchers) => new(
        o.Id, o.Number, o.Status, o.CustomerName, o.CustomerEmail,
        o.ShippingLine1 is null
            ? null
            : new ShippingAddressView(o.ShippingLine1, o.ShippingLine2, o.ShippingCity ?? "", o.ShippingPostcode ?? "", o.ShippingCountry ?? "GB"),
        o.Items.OrderBy(i => i.LineNumber).Select(i => new OrderLineView(
            i.Sku, i.Name, i.Kind, i.UnitPricePence, i.Quantity, i.LineTotalPence, i.DiscountPence, i.VatPence,
            i.AppointmentTypeCode, i.SessionsPerUnit)).ToList(),
        o.SubtotalPence, o.CouponCode, o.DiscountPence, o.ShippingPence, o.VatPence, o.TotalPence,
        o.VoucherAppliedPence, o.AmountDuePence, o.AmountPaidPence, o.RefundedPence, "GBP", o.TrackingReference,
        o.CreatedAt, o.PaymentDueBy,
        o.History.OrderBy(h => h.Id).Select(h => new OrderHistoryView(h.FromStatus, h.ToStatus, h.At, h.Actor, h.Reason)).ToList(),
        vouchers.Select(v => new GiftVoucherView(v.MaskedCode, v.BalancePence)).ToList());
}
