using CultureHealth.ServiceDefaults.Problems;
using CultureHealth.Shop.Domain;

namespace CultureHealth.Shop.Application;

/// <summary>
/// The shop's refusals in one place: use cases throw these (a domain rule's own <see cref="ShopDomainException"/>
/// goes through <see cref="From"/>), and the shared exception handler writes them as RFC 9457 problem details.
/// </summary>
internal static class ShopProblems
{
    public static ProblemException OutOfStock(string sku, int? available) => new(
        StatusCodes.Status409Conflict,
        "Out of stock",
        available is > 0
            ? $"Only {available} of {sku} left in stock."
            : $"{sku} is out of stock.",
        field: $"items[{sku}]",
        type: "https://culturehealth.co.uk/problems/out-of-stock");

    public static ProblemException CartNotFound() =>
        new(StatusCodes.Status404NotFound, "Cart not found", "There is no such cart, or it expired after a period without use.", "cartId");

    public static ProblemException CartCheckedOut() =>
        new(StatusCodes.Status409Conflict, "Cart already checked out", "This cart has already become an order; start a new cart.", "cartId");

    /// <summary>
    /// A coupon code the customer cannot use. An unknown, switched-off, expired or used-up code all get the one
    /// answer, so trying codes tells nobody which exist; the rules a live code's holder can act on (minimum
    /// spend, nothing to discount, already used by them) keep their own wording.
    /// </summary>
    public static ProblemException CouponRefused(string field, CouponRejected? rejected) =>
        rejected is null || rejected.Reason is CouponRejectionReason.NotActive or CouponRejectionReason.Expired or CouponRejectionReason.UsageLimitReached
            ? new ProblemException(StatusCodes.Status422UnprocessableEntity, "Code cannot be used",
                "That code is not valid. Check it and try again.", field, "https://culturehealth.co.uk/problems/coupon-invalid")
            : new ProblemException(StatusCodes.Status422UnprocessableEntity, "Code cannot be used", rejected.Message, field,
                $"https://culturehealth.co.uk/problems/coupon-{rejected.Reason.ToString().ToLowerInvariant()}");

    public static ProblemException OrderNotFound() => ProblemException.NotFound("The order");

    public static ProblemException ConcurrentChange() => ProblemException.Conflict(
        "Changed at the same time", "Someone else changed this at the same moment; please try again.");

    /// <summary>A lifecycle or refund rule said no: that is a conflict with the order's state, not a server error.</summary>
    public static ProblemException From(ShopDomainException e) => e switch
    {
        InvalidRefundException => ProblemException.Unprocessable("amountPence", e.Message),
        SpentVoucherRefundException => new ProblemException(
            StatusCodes.Status409Conflict, "Gift voucher already spent", e.Message, "overrideSpentVouchers",
            "https://culturehealth.co.uk/problems/gift-voucher-spent"),
        _ => ProblemException.Conflict("Not allowed in the order's current state", e.Message),
    };
}
