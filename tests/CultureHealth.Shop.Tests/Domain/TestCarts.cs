using CultureHealth.Shop.Domain;
using Xunit;

namespace CultureHealth.Shop.Tests.Domain;

/// <summary>Realistic clinic products so test baskets read like real orders.</summary>
internal static class TestCarts
{
    public static CartLine FoamRoller(int quantity = 1) =>
        new("FOAM-ROLLER-45", "Foam roller 45 cm", ProductKind.Physical, VatClass.Standard, 2_499, quantity);

    public static CartLine ResistanceBands(int quantity = 1) =>
        new("BAND-SET-3", "Resistance band set", ProductKind.Physical, VatClass.Standard, 999, quantity);

    public static CartLine MassageBall(int quantity = 1) =>
        new("MASSAGE-BALL", "Spiky massage ball", ProductKind.Physical, VatClass.Standard, 599, quantity);

    public static CartLine FollowUpPackage(int quantity = 1) =>
        new("PKG-FOLLOWUP-5", "5 follow-up sessions", ProductKind.TreatmentPackage, VatClass.Exempt, 30_000, quantity);

    public static CartLine GiftVoucher(long pence = 5_000, int quantity = 1) =>
        new($"VOUCHER-{pence}", "Gift voucher", ProductKind.GiftVoucher, VatClass.Exempt, pence, quantity);

    public static CartLine Line(string sku, long unitPricePence, int quantity = 1, VatClass vatClass = VatClass.Standard,
        ProductKind kind = ProductKind.Physical) =>
        new(sku, sku, kind, vatClass, unitPricePence, quantity);

    public static CouponApplied ApplyCoupon(Coupon coupon, IReadOnlyList<CartLine> lines)
    {
        var evaluation = CouponEvaluator.Evaluate(coupon, lines, DateTimeOffset.UnixEpoch, 0, 0);
        return Assert.IsType<CouponApplied>(evaluation);
    }
}
