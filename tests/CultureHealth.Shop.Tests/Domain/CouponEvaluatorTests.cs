using CultureHealth.Shop.Domain;
using Xunit;

namespace CultureHealth.Shop.Tests.Domain;

public class CouponEvaluatorTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 14, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_percentage_coupon_takes_its_share_of_the_subtotal_rounded_half_up()
    {
        var coupon = Coupon.Percentage("spring15", basisPoints: 1_500);

        var applied = Assert.IsType<CouponApplied>(CouponEvaluator.Evaluate(coupon, 999, Now, 0, 0));

        Assert.Equal(150, applied.DiscountPence); // 149.85p
        Assert.Equal("SPRING15", applied.Code);
        Assert.Equal(999, applied.EligibleSubtotalPence);
    }

    [Theory]
    [InlineData(3_000, 1_000, 1_000)]
    [InlineData(600, 1_000, 600)]   // never more than the subtotal
    public void A_fixed_coupon_takes_its_amount_capped_at_the_subtotal(long subtotal, long couponPence, long expected)
    {
        var coupon = Coupon.FixedAmount("TENOFF", couponPence);

        var applied = Assert.IsType<CouponApplied>(CouponEvaluator.Evaluate(coupon, subtotal, Now, 0, 0));

        Assert.Equal(expected, applied.DiscountPence);
    }

    [Fact]
    public void A_hundred_percent_coupon_discounts_everything_eligible()
    {
        var applied = Assert.IsType<CouponApplied>(
            CouponEvaluator.Evaluate(Coupon.Percentage("STAFF", 10_000), 12_345, Now, 0, 0));

        Assert.Equal(12_345, applied.DiscountPence);
    }

    [Fact]
    public void Gift_vouchers_do_not_count_towards_the_eligible_subtotal()
    {
        CartLine[] lines = [TestCarts.FoamRoller(), TestCarts.GiftVoucher(5_000)];

        Assert.Equal(2_499, CouponEvaluator.EligibleSubtotalOf(lines));
        var applied = Assert.IsType<CouponApplied>(
            CouponEvaluator.Evaluate(Coupon.FixedAmount("TENOFF", 3_000), lines, Now, 0, 0));
        Assert.Equal(2_499, applied.DiscountPence);
    }

    [Fact]
    public void Minimum_spend_is_measured_without_gift_vouchers()
    {
        var coupon = Coupon.Percentage("BIG10", 1_000, minimumSpendPence: 5_000);
        CartLine[] lines = [TestCarts.FoamRoller(), TestCarts.GiftVoucher(10_000)];

        var rejected = Assert.IsType<CouponRejected>(CouponEvaluator.Evaluate(coupon, lines, Now, 0, 0));

        Assert.Equal(CouponRejectionReason.MinimumSpendNotMet, rejected.Reason);
        Assert.Contains("£50.00", rejected.Message, StringComparison.Ordinal);
        Assert.Contains("£24.99", rejected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Meeting_the_minimum_spend_exactly_is_enough() =>
        Assert.True(CouponEvaluator.Evaluate(Coupon.Percentage("BIG10", 1_000, minimumSpendPence: 5_000), 5_000, Now, 0, 0).IsApplied);

    [Fact]
    public void A_basket_of_only_vouchers_has_nothing_to_discount()
    {
        var rejected = Assert.IsType<CouponRejected>(
            CouponEvaluator.Evaluate(Coupon.Percentage("SPRING15", 1_500), [TestCarts.GiftVoucher()], Now, 0, 0));

        Assert.Equal(CouponRejectionReason.NoEligibleItems, rejected.Reason);
    }

    [Fact]
    public void An_inactive_coupon_is_refused()
    {
        var coupon = Coupon.Percentage("PAUSED", 1_000) with { IsActive = false };

        var rejected = Assert.IsType<CouponRejected>(CouponEvaluator.Evaluate(coupon, 5_000, Now, 0, 0));

        Assert.Equal(CouponRejectionReason.NotActive, rejected.Reason);
        Assert.Equal("PAUSED", rejected.Code);
        Assert.False(string.IsNullOrWhiteSpace(rejected.Message));
    }

    [Fact]
    public void A_coupon_stops_working_at_its_expiry_instant()
    {
        var coupon = Coupon.Percentage("MARCH", 1_000, expiresAt: Now);

        Assert.True(CouponEvaluator.Evaluate(coupon, 5_000, Now.AddTicks(-1), 0, 0).IsApplied);
        var rejected = Assert.IsType<CouponRejected>(CouponEvaluator.Evaluate(coupon, 5_000, Now, 0, 0));
        Assert.Equal(CouponRejectionReason.Expired, rejected.Reason);
    }

    [Fact]
    public void Expiry_compares_instants_not_wall_clock_times()
    {
        // 11:00 in London summer time is 10:00 UTC, so the coupon has just expired.
        var coupon = Coupon.Percentage("SUMMER", 1_000, expiresAt: new DateTimeOffset(2025, 7, 1, 10, 0, 0, TimeSpan.Zero));
        var londonNow = new DateTimeOffset(2025, 7, 1, 11, 0, 0, TimeSpan.FromHours(1));

        Assert.Equal(
            CouponRejectionReason.Expired,
            Assert.IsType<CouponRejected>(CouponEvaluator.Evaluate(coupon, 5_000, londonNow, 0, 0)).Reason);
    }

    [Theory]
    [InlineData(99, true)]
    [InlineData(100, false)]
    [InlineData(150, false)]
    public void The_total_usage_limit_is_enforced(int timesUsed, bool applies)
    {
        var evaluation = CouponEvaluator.Evaluate(Coupon.FixedAmount("FIRST100", 500, usageLimit: 100), 5_000, Now, timesUsed, 0);

        Assert.Equal(applies, evaluation.IsApplied);
        if (!applies)
        {
            Assert.Equal(CouponRejectionReason.UsageLimitReached, Assert.IsType<CouponRejected>(evaluation).Reason);
        }
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    public void The_per_customer_limit_is_enforced(int timesUsedByCustomer, bool applies)
    {
        var evaluation = CouponEvaluator.Evaluate(
            Coupon.FixedAmount("WELCOME", 500, perCustomerLimit: 1), 5_000, Now, 10, timesUsedByCustomer);

        Assert.Equal(applies, evaluation.IsApplied);
        if (!applies)
        {
            Assert.Equal(CouponRejectionReason.CustomerLimitReached, Assert.IsType<CouponRejected>(evaluation).Reason);
        }
    }

    [Fact]
    public void The_most_fundamental_problem_is_reported_first()
    {
        var coupon = Coupon.Percentage("OLD", 1_000, minimumSpendPence: 10_000, expiresAt: Now.AddDays(-1), usageLimit: 1) with
        {
            IsActive = false,
        };

        Assert.Equal(
            CouponRejectionReason.NotActive,
            Assert.IsType<CouponRejected>(CouponEvaluator.Evaluate(coupon, 100, Now, 5, 5)).Reason);
    }

    [Theory]
    [InlineData(" spring-15 ", "SPRING-15")]
    [InlineData("Welcome10", "WELCOME10")]
    public void Codes_are_matched_case_insensitively(string typed, string canonical) =>
        Assert.Equal(canonical, Coupon.NormaliseCode(typed));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("TEN OFF")]
    [InlineData("10%OFF")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456")]
    public void Malformed_codes_are_refused(string code) =>
        Assert.ThrowsAny<ArgumentException>(() => Coupon.NormaliseCode(code));

    [Fact]
    public void Impossible_coupons_cannot_be_built()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Coupon.Percentage("X", 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Coupon.Percentage("X", 10_001));
        Assert.Throws<ArgumentOutOfRangeException>(() => Coupon.FixedAmount("X", 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Coupon.FixedAmount("X", 100, minimumSpendPence: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Coupon.FixedAmount("X", 100, usageLimit: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Coupon.FixedAmount("X", 100, perCustomerLimit: 0));
    }

    [Fact]
    public void Negative_usage_counts_are_a_programming_error() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CouponEvaluator.Evaluate(Coupon.FixedAmount("X", 100), 500, Now, -1, 0));
}
