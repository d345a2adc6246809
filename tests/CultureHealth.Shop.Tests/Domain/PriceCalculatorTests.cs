using CultureHealth.Shop.Domain;
using Xunit;

namespace CultureHealth.Shop.Tests.Domain;

public class PriceCalculatorTests
{
    private readonly PriceCalculator _calculator = new(ShippingPolicy.Default, CartLimits.Default);

    private CartPricing PriceValid(IReadOnlyList<CartLine> lines, CouponApplied? coupon = null, long voucher = 0)
    {
        var result = _calculator.Price(lines, coupon, voucher);
        Assert.Empty(result.Errors);
        return Assert.IsType<CartPricing>(result.Pricing);
    }

    [Fact]
    public void Prices_a_basket_without_extras()
    {
        var pricing = PriceValid([TestCarts.FoamRoller(), TestCarts.ResistanceBands(3)]);

        Assert.Collection(
            pricing.Lines,
            roller =>
            {
                Assert.Equal(2_499, roller.LineTotalPence);
                Assert.Equal(0, roller.DiscountPence);
                Assert.Equal(417, roller.VatPence);
            },
            bands =>
            {
                Assert.Equal(2_997, bands.LineTotalPence);
                Assert.Equal(500, bands.VatPence); // 499.5p
            });
        Assert.Equal(5_496, pricing.SubtotalPence);
        Assert.Equal(0, pricing.ShippingPence); // over £50
        Assert.Equal(917, pricing.VatPence);
        Assert.Equal(5_496, pricing.GrandTotalPence);
        Assert.Equal(5_496, pricing.AmountToPayPence);
        Assert.Null(pricing.CouponCode);
    }

    [Fact]
    public void Small_physical_orders_pay_standard_rated_delivery()
    {
        var pricing = PriceValid([TestCarts.ResistanceBands()]);

        Assert.True(pricing.RequiresShipping);
        Assert.Equal(395, pricing.ShippingPence);
        Assert.Equal(66, pricing.ShippingVatPence);
        Assert.Equal(167 + 66, pricing.VatPence);
        Assert.Equal(999 + 395, pricing.GrandTotalPence);
    }

    [Fact]
    public void Packages_and_vouchers_are_not_posted()
    {
        var pricing = PriceValid([TestCarts.FollowUpPackage(), TestCarts.GiftVoucher(2_500)]);

        Assert.False(pricing.RequiresShipping);
        Assert.Equal(0, pricing.ShippingPence);
        Assert.Equal(0, pricing.ShippingVatPence);
        Assert.Equal(0, pricing.VatPence);
        Assert.Equal(32_500, pricing.GrandTotalPence);
    }

    [Fact]
    public void Only_physical_goods_count_towards_free_delivery()
    {
        var pricing = PriceValid([TestCarts.MassageBall(), TestCarts.FollowUpPackage()]);

        Assert.Equal(395, pricing.ShippingPence);
    }

    [Fact]
    public void Free_delivery_is_measured_after_the_discount()
    {
        CartLine[] lines = [TestCarts.FoamRoller(2), TestCarts.MassageBall()];
        Assert.Equal(0, PriceValid(lines).ShippingPence); // 5597p

        var pricing = PriceValid(lines, TestCarts.ApplyCoupon(Coupon.FixedAmount("TENOFF", 1_000), lines));

        Assert.Equal(395, pricing.ShippingPence); // 4597p after the discount
    }

    [Fact]
    public void A_coupon_is_spread_over_eligible_lines_and_vat_follows_the_discounted_price()
    {
        CartLine[] lines = [TestCarts.FoamRoller(), TestCarts.FollowUpPackage(), TestCarts.GiftVoucher(5_000)];
        var coupon = TestCarts.ApplyCoupon(Coupon.Percentage("SPRING15", 1_500), lines);

        var pricing = PriceValid(lines, coupon);

        Assert.Equal(4_875, pricing.DiscountPence); // 15 % of 32,499p = 4874.85p
        Assert.Equal("SPRING15", pricing.CouponCode);
        Assert.Equal([375, 4_500, 0], pricing.Lines.Select(line => line.DiscountPence));
        Assert.Equal(354, pricing.Lines[0].VatPence); // on 2124p, not on 2499p
        Assert.Equal(0, pricing.Lines[1].VatPence);
        Assert.Equal(0, pricing.Lines[2].VatPence);
        Assert.Equal(5_000, pricing.Lines[2].ChargedPence); // the voucher is never discounted
        Assert.Equal(395, pricing.ShippingPence);
        Assert.Equal(354 + 66, pricing.VatPence);
        Assert.Equal(37_499 - 4_875 + 395, pricing.GrandTotalPence);
    }

    [Fact]
    public void A_gift_voucher_reduces_what_is_paid_but_not_the_vat()
    {
        CartLine[] lines = [TestCarts.FoamRoller()];
        var withoutVoucher = PriceValid(lines);

        var pricing = PriceValid(lines, voucher: 2_000);

        Assert.Equal(2_894, pricing.GrandTotalPence);
        Assert.Equal(2_000, pricing.VoucherAppliedPence);
        Assert.Equal(894, pricing.AmountToPayPence);
        Assert.Equal(withoutVoucher.VatPence, pricing.VatPence);
        Assert.Equal(withoutVoucher.Lines, pricing.Lines);
        Assert.Equal(0, pricing.DiscountPence);
    }

    [Fact]
    public void A_gift_voucher_pays_at_most_the_grand_total()
    {
        var pricing = PriceValid([TestCarts.FoamRoller()], voucher: 10_000);

        Assert.Equal(2_894, pricing.VoucherAppliedPence);
        Assert.Equal(0, pricing.AmountToPayPence);
    }

    [Fact]
    public void Coupon_and_gift_voucher_combine()
    {
        CartLine[] lines = [TestCarts.FollowUpPackage()];
        var coupon = TestCarts.ApplyCoupon(Coupon.FixedAmount("TENOFF", 1_000), lines);

        var pricing = PriceValid(lines, coupon, voucher: 5_000);

        Assert.Equal(29_000, pricing.GrandTotalPence);
        Assert.Equal(5_000, pricing.VoucherAppliedPence);
        Assert.Equal(24_000, pricing.AmountToPayPence);
    }

    [Fact]
    public void Totals_always_reconcile()
    {
        var random = new Random(42);
        var kinds = new[] { ProductKind.Physical, ProductKind.GiftVoucher, ProductKind.TreatmentPackage };
        var classes = new[] { VatClass.Standard, VatClass.Reduced, VatClass.Zero, VatClass.Exempt };
        for (var round = 0; round < 300; round++)
        {
            var lines = Enumerable.Range(0, random.Next(1, 8))
                .Select(i =>
                {
                    var kind = kinds[random.Next(kinds.Length)];
                    var vatClass = kind == ProductKind.GiftVoucher ? VatClass.Exempt : classes[random.Next(classes.Length)];
                    return TestCarts.Line($"SKU-{i}", random.Next(1, 40_000), random.Next(1, 21), vatClass, kind);
                })
                .ToArray();
            var coupon = CouponEvaluator.Evaluate(
                Coupon.Percentage("RANDOM", random.Next(1, 10_001)), lines, DateTimeOffset.UnixEpoch, 0, 0) as CouponApplied;

            var pricing = PriceValid(lines, coupon, voucher: random.Next(0, 20_000));

            Assert.Equal(pricing.DiscountPence, pricing.Lines.Sum(line => line.DiscountPence));
            Assert.Equal(pricing.Lines.Sum(line => line.VatPence) + pricing.ShippingVatPence, pricing.VatPence);
            Assert.Equal(pricing.SubtotalPence - pricing.DiscountPence + pricing.ShippingPence, pricing.GrandTotalPence);
            Assert.Equal(pricing.GrandTotalPence - pricing.VoucherAppliedPence, pricing.AmountToPayPence);
            Assert.All(pricing.Lines, line => Assert.Equal(Vat.PortionOf(line.ChargedPence, line.VatClass), line.VatPence));
            Assert.All(
                pricing.Lines.Where(line => line.Kind == ProductKind.GiftVoucher),
                line => Assert.Equal(0, line.DiscountPence));
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(21)]
    public void Quantities_outside_1_to_20_are_refused(int quantity)
    {
        var result = _calculator.Price([TestCarts.MassageBall(), TestCarts.FoamRoller(quantity)]);

        Assert.False(result.IsValid);
        Assert.Null(result.Pricing);
        Assert.Equal("lines[1].quantity", Assert.Single(result.Errors).Field);
    }

    [Fact]
    public void Quantity_limit_is_configurable()
    {
        var strict = new PriceCalculator(ShippingPolicy.Default, new CartLimits(maxQuantityPerLine: 5));

        Assert.True(strict.Price([TestCarts.MassageBall(5)]).IsValid);
        Assert.Equal("lines[0].quantity", Assert.Single(strict.Price([TestCarts.MassageBall(6)]).Errors).Field);
    }

    [Fact]
    public void At_most_50_lines()
    {
        var lines = Enumerable.Range(0, 51).Select(i => TestCarts.Line($"SKU-{i}", 100)).ToArray();

        Assert.True(_calculator.Price(lines[..50]).IsValid);
        Assert.Equal("lines", Assert.Single(_calculator.Price(lines).Errors).Field);
    }

    [Fact]
    public void An_empty_basket_is_refused() =>
        Assert.Equal("lines", Assert.Single(_calculator.Price([]).Errors).Field);

    [Fact]
    public void Every_problem_is_reported_with_its_field()
    {
        CartLine[] lines =
        [
            new(" ", "", ProductKind.Physical, VatClass.Standard, -5, 0),
            TestCarts.MassageBall(),
            TestCarts.MassageBall(2),
            TestCarts.GiftVoucher() with { VatClass = VatClass.Standard },
            TestCarts.Line("PRICEY", 1_000_001),
        ];

        var result = _calculator.Price(lines, voucherRedemptionPence: -1);

        Assert.Equal(
            [
                "lines[0].sku", "lines[0].name", "lines[0].unitPricePence", "lines[0].quantity",
                "lines[2].sku", "lines[3].vatClass", "lines[4].unitPricePence", "voucherRedemptionPence",
            ],
            result.Errors.Select(error => error.Field));
        Assert.All(result.Errors, error => Assert.False(string.IsNullOrWhiteSpace(error.Message)));
    }

    [Fact]
    public void Unknown_enum_values_are_refused()
    {
        var result = _calculator.Price([TestCarts.MassageBall() with { Kind = (ProductKind)9, VatClass = (VatClass)9 }]);

        Assert.Equal(["lines[0].kind", "lines[0].vatClass"], result.Errors.Select(error => error.Field));
    }

    [Fact]
    public void A_coupon_evaluated_on_another_basket_is_refused()
    {
        CartLine[] before = [TestCarts.FoamRoller()];
        var coupon = TestCarts.ApplyCoupon(Coupon.FixedAmount("TENOFF", 1_000), before);

        var result = _calculator.Price([TestCarts.MassageBall()], coupon);

        Assert.Equal("coupon", Assert.Single(result.Errors).Field);
    }

    [Fact]
    public void Free_items_are_allowed_and_take_no_share_of_a_discount()
    {
        CartLine[] lines = [TestCarts.FoamRoller(), TestCarts.Line("FREE-SAMPLE", 0)];
        var coupon = TestCarts.ApplyCoupon(Coupon.FixedAmount("TENOFF", 1_000), lines);

        var pricing = PriceValid(lines, coupon);

        Assert.Equal([1_000, 0], pricing.Lines.Select(line => line.DiscountPence));
    }
}
