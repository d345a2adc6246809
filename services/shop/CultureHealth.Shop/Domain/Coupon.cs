namespace CultureHealth.Shop.Domain;

/// <summary>
/// A discount code. Built only through <see cref="Percentage"/> or <see cref="FixedAmount"/> so that a
/// coupon in memory is always a valid one; only <see cref="IsActive"/> can be changed with <c>with</c>.
/// </summary>
public sealed record Coupon
{
    public const int MaxCodeLength = 32;
    private const int WholeInBasisPoints = 10_000;

    private Coupon(
        string code, CouponKind kind, int percentageBasisPoints, long fixedAmountPence, long minimumSpendPence,
        DateTimeOffset? expiresAt, int? usageLimit, int? perCustomerLimit, bool isActive)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minimumSpendPence);
        if (usageLimit is { } total)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(total, 1, nameof(usageLimit));
        }

        if (perCustomerLimit is { } perCustomer)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(perCustomer, 1, nameof(perCustomerLimit));
        }

        Code = NormaliseCode(code);
        Kind = kind;
        PercentageBasisPoints = percentageBasisPoints;
        FixedAmountPence = fixedAmountPence;
        MinimumSpendPence = minimumSpendPence;
        ExpiresAt = expiresAt;
        UsageLimit = usageLimit;
        PerCustomerLimit = perCustomerLimit;
        IsActive = isActive;
    }

    /// <summary>Upper-case, trimmed: codes are matched case-insensitively.</summary>
    public string Code { get; }

    public CouponKind Kind { get; }

    /// <summary>1..10000 for <see cref="CouponKind.Percentage"/>, otherwise 0.</summary>
    public int PercentageBasisPoints { get; }

    /// <summary>Positive for <see cref="CouponKind.FixedAmount"/>, otherwise 0.</summary>
    public long FixedAmountPence { get; }

    /// <summary>Measured on the coupon-eligible subtotal (gift vouchers excluded).</summary>
    public long MinimumSpendPence { get; }

    /// <summary>The first instant at which the coupon no longer works; null for no expiry.</summary>
    public DateTimeOffset? ExpiresAt { get; }

    /// <summary>Total redemptions across all customers; null for unlimited.</summary>
    public int? UsageLimit { get; }

    public int? PerCustomerLimit { get; }

    public bool IsActive { get; init; }

    public static Coupon Percentage(
        string code, int basisPoints, long minimumSpendPence = 0, DateTimeOffset? expiresAt = null,
        int? usageLimit = null, int? perCustomerLimit = null, bool isActive = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(basisPoints, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(basisPoints, WholeInBasisPoints);
        return new Coupon(
            code, CouponKind.Percentage, basisPoints, 0, minimumSpendPence, expiresAt, usageLimit, perCustomerLimit, isActive);
    }

    public static Coupon FixedAmount(
        string code, long amountPence, long minimumSpendPence = 0, DateTimeOffset? expiresAt = null,
        int? usageLimit = null, int? perCustomerLimit = null, bool isActive = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(amountPence, 1);
        return new Coupon(
            code, CouponKind.FixedAmount, 0, amountPence, minimumSpendPence, expiresAt, usageLimit, perCustomerLimit, isActive);
    }

    /// <summary>
    /// Canonical form of a code as typed by a customer. Codes are letters, digits and dashes so they survive
    /// being read aloud over the phone and printed on flyers.
    /// </summary>
    public static string NormaliseCode(string code)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        var normalised = code.Trim().ToUpperInvariant();
        if (normalised.Length > MaxCodeLength || !normalised.All(c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-'))
        {
            throw new ArgumentException(
                $"A coupon code is at most {MaxCodeLength} letters, digits or dashes.", nameof(code));
        }

        return normalised;
    }

    /// <summary>The discount on an eligible subtotal, before any usage rule; never more than the subtotal.</summary>
    public long DiscountOn(long eligibleSubtotalPence)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(eligibleSubtotalPence);
        var discount = Kind switch
        {
            // Rounded half-up like VAT: one rounding rule for every penny the customer sees.
            CouponKind.Percentage => PenceRounding.DivideRoundingHalfUp(
                (Int128)eligibleSubtotalPence * PercentageBasisPoints, WholeInBasisPoints),
            CouponKind.FixedAmount => FixedAmountPence,
            _ => throw new InvalidOperationException($"Unknown coupon kind {Kind}."),
        };
        return Math.Min(discount, eligibleSubtotalPence);
    }
}
