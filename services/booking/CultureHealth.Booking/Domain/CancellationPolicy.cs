using NodaTime;

namespace CultureHealth.Booking.Domain;

/// <summary>Patients may cancel free of charge until <see cref="FreeCancellationHours"/> before the start; staff may always cancel.</summary>
public sealed record CancellationPolicy(int FreeCancellationHours = 24)
{
    public static CancellationPolicy Default { get; } = new();

    public int FreeCancellationHours { get; } = FreeCancellationHours >= 0
        ? FreeCancellationHours
        : throw new ArgumentOutOfRangeException(nameof(FreeCancellationHours), FreeCancellationHours, "Notice cannot be negative.");

    /// <summary>The last instant at which a patient may still cancel (inclusive).</summary>
    public Instant FreeCancellationDeadline(Instant appointmentStart) =>
        appointmentStart - Duration.FromHours(FreeCancellationHours);

    public CancellationDecision Decide(BookingStatus status, Instant appointmentStart, Instant now, CancellationRequester requester)
    {
        var isLate = now > FreeCancellationDeadline(appointmentStart);

        if (!status.CanTransitionTo(BookingStatus.Cancelled))
        {
            return CancellationDecision.Refuse(CancellationRefusal.NotConfirmed, isLate);
        }

        // Staff cancel for reasons the patient cannot (practitioner illness, clinic emergency), so the
        // window does not apply to them.
        if (requester == CancellationRequester.Staff)
        {
            return CancellationDecision.Allow(isLate);
        }

        if (now >= appointmentStart)
        {
            return CancellationDecision.Refuse(CancellationRefusal.AlreadyStarted, isLate);
        }

        return isLate
            ? CancellationDecision.Refuse(CancellationRefusal.TooLate, isLate)
            : CancellationDecision.Allow(isLate);
    }
}
