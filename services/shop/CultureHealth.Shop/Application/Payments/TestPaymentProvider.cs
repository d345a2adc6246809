using System.Collections.Concurrent;

namespace CultureHealth.Shop.Application.Payments;

/// <summary>
/// A stand-in for a card provider that behaves like one: charges are idempotent per key (a retry returns the
/// first result and charges once), tokens decide the outcome, and pending charges are settled by a signed
/// webhook. Tokens: <c>tok_visa</c> succeeds, <c>tok_declined</c> is declined, <c>tok_pending</c> waits for a
/// webhook; anything else is declined as an unknown card.
/// </summary>
public sealed class TestPaymentProvider : IPaymentProvider
{
    public const string SucceedingToken = "tok_visa";
    public const string DecliningToken = "tok_declined";
    public const string PendingToken = "tok_pending";

    private readonly ConcurrentDictionary<string, Lazy<ChargeResult>> _charges = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<RefundResult>> _refunds = new(StringComparer.Ordinal);

    public string Name => "test";

    /// <summary>Distinct charges made (not counting idempotent replays): what a card statement would show.</summary>
    public int ChargeCount => _charges.Values.Count(c => c.Value.ChargeId is not null);

    public int RefundCount => _refunds.Count;

    public Task<ChargeResult> ChargeAsync(ChargeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = _charges.GetOrAdd(request.IdempotencyKey, _ => new Lazy<ChargeResult>(() => Decide(request))).Value;
        return Task.FromResult(result);
    }

    public Task<RefundResult> RefundAsync(string chargeId, long amountPence, string idempotencyKey, CancellationToken cancellationToken)
    {
        var result = _refunds.GetOrAdd(idempotencyKey, _ => new Lazy<RefundResult>(() =>
            chargeId.StartsWith("ch_test_", StringComparison.Ordinal) && amountPence > 0
                ? new RefundResult(true, "re_test_" + Guid.NewGuid().ToString("N")[..16], null)
                : new RefundResult(false, null, "unknown_charge"))).Value;
        return Task.FromResult(result);
    }

    private static ChargeResult Decide(ChargeRequest request) => request.PaymentToken switch
    {
        SucceedingToken => new ChargeResult(ChargeOutcome.Succeeded, NewChargeId(), request.AmountPence, null),
        PendingToken => new ChargeResult(ChargeOutcome.Pending, NewChargeId(), request.AmountPence, null),
        DecliningToken => new ChargeResult(ChargeOutcome.Declined, null, request.AmountPence, "card_declined"),
        _ => new ChargeResult(ChargeOutcome.Declined, null, request.AmountPence, "unknown_test_token"),
    };

    private static string NewChargeId() => "ch_test_" + Guid.NewGuid().ToString("N")[..20];
}
