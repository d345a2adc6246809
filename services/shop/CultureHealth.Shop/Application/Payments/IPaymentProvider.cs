namespace CultureHealth.Shop.Application.Payments;

public enum ChargeOutcome
{
    Succeeded,
    Declined,

    /// <summary>The provider will tell us later, by webhook (e.g. a 3-D Secure challenge).</summary>
    Pending,
}

/// <param name="IdempotencyKey">The provider returns the first result for a key it has seen, and charges once.</param>
public sealed record ChargeRequest(Guid OrderId, long AmountPence, string Currency, string PaymentToken, string IdempotencyKey);

public sealed record ChargeResult(ChargeOutcome Outcome, string? ChargeId, long AmountPence, string? FailureReason);

public sealed record RefundResult(bool Succeeded, string? RefundId, string? FailureReason);

/// <summary>A card payment provider. A real one is plugged in by configuration; tests and demos use <see cref="TestPaymentProvider"/>.</summary>
public interface IPaymentProvider
{
    string Name { get; }

    Task<ChargeResult> ChargeAsync(ChargeRequest request, CancellationToken cancellationToken);

    Task<RefundResult> RefundAsync(string chargeId, long amountPence, string idempotencyKey, CancellationToken cancellationToken);
}
