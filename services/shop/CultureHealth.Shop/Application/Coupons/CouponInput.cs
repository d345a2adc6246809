using CultureHealth.ServiceDefaults.Problems;
using CultureHealth.Shop.Domain;

namespace CultureHealth.Shop.Application.Coupons;

/// <summary>A coupon as staff create it.</summary>
public sealed record CouponInput(
    string? Code, CouponKind? Kind, int? PercentageBasisPoints, long? AmountPence, long? MinimumSpendPence,
    DateTimeOffset? ExpiresAt, int? UsageLimit, int? PerCustomerLimit);

internal static class CouponInputValidation
{
    /// <summary>The request's shape first; then the domain's factories, which hold the rules (1..100 %, positive amounts, limits of at least 1).</summary>
    /// <param name="coupon">The valid coupon when nothing failed.</param>
    public static RequestValidator Check(CouponInput body, out Coupon? coupon)
    {
        coupon = null;
        var v = new RequestValidator().Required("code", body.Code, Coupon.MaxCodeLength);
        if (body.Kind is null || !Enum.IsDefined(body.Kind.Value))
        {
            v.Add("kind", "One of percentage, fixedAmount.");
        }

        if (v.Failed)
        {
            return v;
        }

        try
        {
            coupon = body.Kind == CouponKind.Percentage
                ? Coupon.Percentage(body.Code!, body.PercentageBasisPoints ?? 0, body.MinimumSpendPence ?? 0, body.ExpiresAt, body.UsageLimit, body.PerCustomerLimit)
                : Coupon.FixedAmount(body.Code!, body.AmountPence ?? 0, body.MinimumSpendPence ?? 0, body.ExpiresAt, body.UsageLimit, body.PerCustomerLimit);
            return v;
        }
        catch (ArgumentException e)
        {
            var field = e.ParamName switch
            {
                "basisPoints" => "percentageBasisPoints",
                "amountPence" => "amountPence",
                "minimumSpendPence" => "minimumSpendPence",
                "usageLimit" => "usageLimit",
                "perCustomerLimit" => "perCustomerLimit",
                _ => "code",
            };
            return new RequestValidator().Add(field, e.Message);
        }
    }
}
