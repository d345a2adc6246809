using CultureHealth.Calendar;
using CultureHealth.Shop.Data;
using CultureHealth.Shop.Domain;
using Microsoft.Extensions.Options;

namespace CultureHealth.Shop.Application.Checkout;

/// <summary>What a checkout has settled before its order exists: the priced cart and what the order points at.</summary>
/// <param name="Items">The cart's lines in the order <paramref name="Pricing"/> priced them, with their products.</param>
/// <param name="GiftVoucherId">Only when the voucher pays part of the order.</param>
/// <param name="AccessTokenHash">The hash of the token handed to the customer; the token itself is never stored.</param>
/// <param name="ClientAddress">Counts towards the address's cap of unpaid orders while the order is unpaid.</param>
internal sealed record OrderDraft(
    Guid OrderId, CheckoutRequest Request, CartPricing Pricing, IReadOnlyList<CartItem> Items,
    Guid? CouponId, Guid? GiftVoucherId, string AccessTokenHash, string? ClientAddress);

/// <summary>Builds an order as checked out: lines snapshotted from the priced cart, awaiting payment until the payment timeout.</summary>
internal sealed class OrderFactory(IOptions<ShopOptions> options)
{
    public const string Actor = "customer";

    public Order Create(OrderDraft draft, DateTimeOffset now)
    {
        var (orderId, request, pricing, items) = (draft.OrderId, draft.Request, draft.Pricing, draft.Items);
        var address = request.ShippingAddress;
        var physical = pricing.RequiresShipping;
        var order = new Order
        {
            Id = orderId,
            Number = OrderNumber.Generate(ClinicTimeZone.ToClinicTime(now)).Value,
            AccessTokenHash = draft.AccessTokenHash,
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
            CouponId = draft.CouponId,
            DiscountPence = pricing.DiscountPence,
            ShippingPence = pricing.ShippingPence,
            VatPence = pricing.VatPence,
            TotalPence = pricing.GrandTotalPence,
            GiftVoucherId = draft.GiftVoucherId,
            VoucherAppliedPence = pricing.VoucherAppliedPence,
            AmountDuePence = pricing.AmountToPayPence,
            CreatedAt = now,
            UpdatedAt = now,
            PaymentDueBy = now + options.Value.PaymentTimeout,
            HoldClientAddress = draft.ClientAddress,
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
}
