using CultureHealth.Shop.Data;
using CultureHealth.Shop.Domain;

namespace CultureHealth.Shop.Application.Coupons;

public sealed record CouponView(
    Guid Id, string Code, CouponKind Kind, int PercentageBasisPoints, long AmountPence, long MinimumSpendPence,
    DateTimeOffset? ExpiresAt, int? UsageLimit, int? PerCustomerLimit, int TimesRedeemed, bool Active)
{
    public static CouponView From(CouponRecord c) => new(
        c.Id, c.Code, c.Kind, c.PercentageBasisPoints, c.FixedAmountPence, c.MinimumSpendPence, c.ExpiresAt,
        c.UsageLimit, c.PerCustomerLimit, c.TimesRedeemed, c.Active);
}
