using CultureHealth.Shop.Domain;
using Xunit;

namespace CultureHealth.Shop.Tests.Domain;

public class GiftVoucherRefundTests
{
    private static readonly Guid A = Guid.NewGuid();
    private static readonly Guid B = Guid.NewGuid();

    [Fact]
    public void An_order_without_vouchers_voids_nothing() =>
        Assert.Equal(VoucherRefundPlan.None, GiftVoucherRefunds.Plan(2_395, 0, 0, 2_395, 0, [], overrideSpent: false));

    [Fact]
    public void Refunding_the_other_goods_first_leaves_the_vouchers_alone()
    {
        // £50 voucher + £23.95 of goods; £23.95 back.
        var plan = GiftVoucherRefunds.Plan(7_395, 5_000, 0, 2_395, 0, [new(A, 5_000)], overrideSpent: false);

        Assert.Empty(plan.Voids);
        Assert.Equal(0, plan.SpentPence);
    }

    [Fact]
    public void Every_penny_beyond_the_other_goods_voids_unspent_balance_voucher_by_voucher()
    {
        var plan = GiftVoucherRefunds.Plan(7_395, 5_000, 2_395, 3_000, 0, [new(A, 2_500), new(B, 2_500)], overrideSpent: false);

        Assert.Equal([new VoucherVoid(A, 2_500), new VoucherVoid(B, 500)], plan.Voids);
        Assert.Equal(0, plan.SpentPence);
    }

    [Fact]
    public void Value_already_voided_is_not_voided_twice()
    {
        var plan = GiftVoucherRefunds.Plan(5_000, 5_000, 2_000, 3_000, coveredBeforePence: 2_000, [new(A, 3_000)], overrideSpent: false);

        Assert.Equal([new VoucherVoid(A, 3_000)], plan.Voids);
    }

    [Fact]
    public void A_spent_part_is_refused_without_the_override_and_says_what_could_go_back()
    {
        var refused = Assert.Throws<SpentVoucherRefundException>(() =>
            GiftVoucherRefunds.Plan(5_000, 5_000, 0, 5_000, 0, [new(A, 2_605)], overrideSpent: false));

        Assert.Equal(2_395, refused.SpentPence);
        Assert.Contains("2605p", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_the_override_the_spent_part_is_counted_and_the_unspent_part_still_voided()
    {
        var plan = GiftVoucherRefunds.Plan(5_000, 5_000, 0, 5_000, 0, [new(A, 2_605)], overrideSpent: true);

        Assert.Equal([new VoucherVoid(A, 2_605)], plan.Voids);
        Assert.Equal(2_395, plan.SpentPence);
    }

    [Fact]
    public void A_voucher_bought_partly_with_another_voucher_is_voided_from_the_first_penny_refunded()
    {
        // £50 voucher, £30 of it paid by card and £20 by an older voucher.
        var plan = GiftVoucherRefunds.Plan(3_000, 5_000, 0, 1_000, 0, [new(A, 5_000)], overrideSpent: false);

        Assert.Equal([new VoucherVoid(A, 1_000)], plan.Voids);
    }
}
