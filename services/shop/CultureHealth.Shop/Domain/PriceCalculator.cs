namespace CultureHealth.Shop.Domain;

/// <summary>
/// Prices a basket: line totals, the coupon discount spread over the lines it applies to, delivery, VAT per
/// line, then a gift voucher taken off what is left to pay.
/// </summary>
public sealed class PriceCalculator(ShippingPolicy shippingPolicy, CartLimits limits)
{
    public PriceCalculator()
        : this(ShippingPolicy.Default, CartLimits.Default)
    {
    }

    public ShippingPolicy ShippingPolicy { get; } = shippingPolicy ?? throw new ArgumentNullException(nameof(shippingPolicy));

    public CartLimits Limits { get; } = limits ?? throw new ArgumentNullException(nameof(limits));

    /// <param name="lines">The basket, VAT-inclusive unit prices from the catalogue.</param>
    /// <param name="coupon">A coupon that <see cref="CouponEvaluator"/> accepted for this very basket.</param>
    /// <param name="voucherRedemptionPence">
    /// The most a gift voucher may pay (normally its remaining balance). UK rules treat our gift vouchers as
    /// multi-purpose vouchers: selling one is outside the scope of VAT and VAT is due on the goods or
    /// treatments when the voucher is spent. Redeeming is therefore a means of payment: it lowers the amount
    /// to pay but not the price of the supplies, so it changes neither the discount nor any VAT.
    /// </param>
    public PricingResult Price(IReadOnlyList<CartLine> lines, CouponApplied? coupon = null, long voucherRedemptionPence = 0)
    {
        ArgumentNullException.ThrowIfNull(lines);

        var errors = CartValidator.Validate(lines, Limits);
        if (voucherRedemptionPence < 0)
        {
            errors.Add(new FieldError("voucherRedemptionPence", "A voucher redemption cannot be negative."));
        }

        if (errors.Count == 0 && coupon is not null)
        {
            var eligibleSubtotal = CouponEvaluator.EligibleSubtotalOf(lines);
            if (coupon.EligibleSubtotalPence != eligibleSubtotal || coupon.DiscountPence > eligibleSubtotal || coupon.DiscountPence < 0)
            {
                errors.Add(new FieldError(
                    "coupon", $"The code {coupon.Code} was checked against a different basket; apply it again."));
            }
        }

        return errors.Count > 0 ? PricingResult.Failure(errors) : PricingResult.Success(PriceValid(lines, coupon, voucherRedemptionPence));
    }

    private CartPricing PriceValid(IReadOnlyList<CartLine> lines, CouponApplied? coupon, long voucherRedemptionPence)
    {
        var discountPence = coupon?.DiscountPence ?? 0;
        var discountShares = DiscountAllocator.Allocate(
            discountPence,
            lines.Select(line => line.IsCouponEligible ? line.LineTotalPence : 0).ToArray());

        var pricedLines = lines
            .Select((line, i) => new PricedLine(
                line.Sku, line.Name, line.Kind, line.VatClass, line.UnitPricePence, line.Quantity,
                LineTotalPence: line.LineTotalPence,
                DiscountPence: discountShares[i],
                VatPence: Vat.PortionOf(line.LineTotalPence - discountShares[i], line.VatClass)))
            .ToArray();

        var physical = pricedLines.Where(line => line.Kind == ProductKind.Physical).ToArray();
        var shippingPence = ShippingPolicy.ChargeFor(physical.Sum(line => line.ChargedPence), hasPhysicalItems: physical.Length > 0);
        var shippingVatPence = Vat.PortionOf(shippingPence, ShippingPolicy.DeliveryVatClass);

        var subtotalPence = pricedLines.Sum(line => line.LineTotalPence);
        var grandTotalPence = subtotalPence - discountPence + shippingPence;
        var voucherAppliedPence = Math.Min(voucherRedemptionPence, grandTotalPence);

        return new CartPricing(
            pricedLines,
            SubtotalPence: subtotalPence,
            CouponCode: coupon?.Code,
            DiscountPence: discountPence,
            ShippingPence: shippingPence,
            ShippingVatPence: shippingVatPence,
            VatPence: pricedLines.Sum(line => line.VatPence) + shippingVatPence,
            GrandTotalPence: grandTotalPence,
            VoucherAppliedPence: voucherAppliedPence,
            AmountToPayPence: grandTotalPence - voucherAppliedPence);
    }
}
