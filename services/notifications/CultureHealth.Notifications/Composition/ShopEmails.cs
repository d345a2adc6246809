using System.Globalization;
using CultureHealth.Contracts;
using CultureHealth.Notifications.Email;
using CultureHealth.Notifications.Templates;

namespace CultureHealth.Notifications.Composition;

/// <summary>The customer's order emails. Prices include VAT, so the receipt shows the VAT part of the total.</summary>
public sealed class ShopEmails(EmailTemplates templates)
{
    public EmailMessage Receipt(OrderPaid order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var values = new TemplateValues
        {
            ["customerName"] = order.CustomerName,
            ["orderNumber"] = order.OrderNumber,
            ["lines"] = order.Lines.Select(l => new TemplateValues
            {
                ["name"] = l.Name,
                ["quantity"] = l.Quantity.ToString(CultureInfo.InvariantCulture),
                ["unitPrice"] = EmailWording.Pounds(l.UnitPricePence),
                ["lineTotal"] = EmailWording.Pounds(l.LineTotalPence),
            }).ToList(),
            ["total"] = EmailWording.Pounds(order.TotalPence),
            ["vat"] = EmailWording.Pounds(order.VatPence),
            ["net"] = EmailWording.Pounds(order.TotalPence - order.VatPence),
        };
        return Compose(MessageKinds.OrderPaid, new EmailRecipient(order.CustomerEmail, order.CustomerName),
            $"Your receipt for order {order.OrderNumber}", values);
    }

    public EmailMessage GiftVouchers(GiftVouchersIssued issued)
    {
        ArgumentNullException.ThrowIfNull(issued);
        var values = new TemplateValues
        {
            ["customerName"] = issued.CustomerName,
            ["orderNumber"] = issued.OrderNumber,
            ["single"] = issued.Vouchers.Count == 1,
            ["vouchers"] = issued.Vouchers.Select(v => new TemplateValues
            {
                ["code"] = v.Code,
                ["value"] = EmailWording.Pounds(v.ValuePence),
            }).ToList(),
        };
        var subject = issued.Vouchers.Count == 1
            ? $"Your gift voucher from order {issued.OrderNumber}"
            : $"Your {issued.Vouchers.Count} gift vouchers from order {issued.OrderNumber}";
        return Compose(MessageKinds.GiftVouchers, new EmailRecipient(issued.CustomerEmail, issued.CustomerName), subject, values);
    }

    public EmailMessage Shipped(OrderShipped order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var values = new TemplateValues
        {
            ["orderNumber"] = order.OrderNumber,
            ["trackingReference"] = order.TrackingReference ?? "",
        };
        return Compose(MessageKinds.OrderShipped, new EmailRecipient(order.CustomerEmail), $"Order {order.OrderNumber} is on its way", values);
    }

    public EmailMessage Refunded(OrderRefunded refund)
    {
        ArgumentNullException.ThrowIfNull(refund);
        var values = new TemplateValues
        {
            ["orderNumber"] = refund.OrderNumber,
            ["amount"] = EmailWording.Pounds(refund.AmountPence),
            ["fullRefund"] = refund.FullRefund,
        };
        return Compose(MessageKinds.OrderRefunded, new EmailRecipient(refund.CustomerEmail),
            $"Refund of {EmailWording.Pounds(refund.AmountPence)} for order {refund.OrderNumber}", values);
    }

    private EmailMessage Compose(string kind, EmailRecipient to, string subject, TemplateValues values)
    {
        var (html, text) = templates.Render(kind, values);
        return new EmailMessage(to, subject, html, text, []);
    }
}
