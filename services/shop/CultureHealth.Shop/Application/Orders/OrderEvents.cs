using CultureHealth.Contracts;
using CultureHealth.Shop.Data;

namespace CultureHealth.Shop.Application.Orders;

internal static class OrderEvents
{
    /// <summary>
    /// Lines as sold. LineTotalPence is what was charged for the line (after its share of any discount), the
    /// base its VAT was worked out on. Kind is the enum name ("Physical", "GiftVoucher", "TreatmentPackage").
    /// </summary>
    public static IReadOnlyList<OrderLine> Lines(Order order) => order.Items.OrderBy(i => i.LineNumber)
        .Select(i => new OrderLine(
            i.Sku, i.Name, i.Quantity, i.UnitPricePence, i.LineTotalPence - i.DiscountPence, i.VatPence,
            i.Kind.ToString(), i.AppointmentTypeCode, i.SessionsPerUnit))
        .ToList();

    public static OrderPlaced Placed(Order o, DateTimeOffset now) =>
        new(Guid.NewGuid(), now, o.Id, o.Number, o.CustomerEmail, o.TotalPence, Lines(o));

    public static OrderPaid Paid(Order o, DateTimeOffset now) =>
        new(Guid.NewGuid(), now, o.Id, o.Number, o.CustomerEmail, o.CustomerName, o.TotalPence, o.VatPence, Lines(o));

    /// <param name="vouchers">Each voucher's code sealed with EventSecrets, and its value.</param>
    public static GiftVouchersIssued VouchersIssued(Order o, IEnumerable<(string SealedCode, long ValuePence)> vouchers, DateTimeOffset now) =>
        new(Guid.NewGuid(), now, o.Id, o.Number, o.CustomerEmail, o.CustomerName,
            vouchers.Select(v => new IssuedGiftVoucher(v.SealedCode, v.ValuePence)).ToList());

    public static OrderCancelled Cancelled(Order o, DateTimeOffset now, string reason) =>
        new(Guid.NewGuid(), now, o.Id, o.Number, reason);

    public static OrderShipped Shipped(Order o, DateTimeOffset now) =>
        new(Guid.NewGuid(), now, o.Id, o.Number, o.CustomerEmail, o.TrackingReference);

    public static OrderRefunded Refunded(Order o, DateTimeOffset now, long amountPence, bool full) =>
        new(Guid.NewGuid(), now, o.Id, o.Number, o.CustomerEmail, amountPence, full, full ? Lines(o) : null);
}
