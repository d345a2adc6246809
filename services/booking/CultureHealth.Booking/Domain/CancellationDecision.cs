namespace CultureHealth.Booking.Domain;

/// <summary>
/// <see cref="IsLate"/> is reported even when staff override the window, so the caller can decide
/// separately whether to restore a credit or refund.
/// </summary>
public sealed record CancellationDecision(bool Allowed, CancellationRefusal? Refusal, bool IsLate)
{
    public static CancellationDecision Allow(bool isLate) => new(true, null, isLate);

    public static CancellationDecision Refuse(CancellationRefusal refusal, bool isLate) => new(false, refusal, isLate);
}
