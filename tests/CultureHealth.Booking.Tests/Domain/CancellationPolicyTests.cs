using CultureHealth.Booking.Domain;
using NodaTime;
using Xunit;

namespace CultureHealth.Booking.Tests.Domain;

public class CancellationPolicyTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 6, 15, 9, 0);

    [Theory]
    [InlineData(72 * 60)]
    [InlineData(24 * 60 + 1)]
    [InlineData(24 * 60)]
    public void A_patient_may_cancel_free_up_to_24_hours_before(int minutesBefore)
    {
        var decision = CancellationPolicy.Default.Decide(
            BookingStatus.Confirmed, Start, Start - Duration.FromMinutes(minutesBefore), CancellationRequester.Patient);

        Assert.Equal(CancellationDecision.Allow(isLate: false), decision);
    }

    [Theory]
    [InlineData(24 * 60 - 1)]
    [InlineData(60)]
    [InlineData(1)]
    public void A_patient_cancelling_later_is_refused_as_too_late(int minutesBefore)
    {
        var decision = CancellationPolicy.Default.Decide(
            BookingStatus.Confirmed, Start, Start - Duration.FromMinutes(minutesBefore), CancellationRequester.Patient);

        Assert.False(decision.Allowed);
        Assert.Equal(CancellationRefusal.TooLate, decision.Refusal);
        Assert.True(decision.IsLate);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(30)]
    public void A_patient_cannot_cancel_once_the_appointment_has_started(int minutesAfter)
    {
        var decision = CancellationPolicy.Default.Decide(
            BookingStatus.Confirmed, Start, Start + Duration.FromMinutes(minutesAfter), CancellationRequester.Patient);

        Assert.Equal(CancellationRefusal.AlreadyStarted, decision.Refusal);
    }

    [Theory]
    [InlineData(48 * 60, false)]
    [InlineData(60, true)]
    [InlineData(-30, true)]
    public void Staff_may_always_cancel_a_confirmed_booking_and_are_told_if_it_is_late(int minutesBefore, bool late)
    {
        var decision = CancellationPolicy.Default.Decide(
            BookingStatus.Confirmed, Start, Start - Duration.FromMinutes(minutesBefore), CancellationRequester.Staff);

        Assert.Equal(CancellationDecision.Allow(late), decision);
    }

    [Theory]
    [InlineData(BookingStatus.Cancelled, CancellationRequester.Patient)]
    [InlineData(BookingStatus.Completed, CancellationRequester.Patient)]
    [InlineData(BookingStatus.NoShow, CancellationRequester.Staff)]
    [InlineData(BookingStatus.Cancelled, CancellationRequester.Staff)]
    public void Only_confirmed_bookings_can_be_cancelled(BookingStatus status, CancellationRequester requester)
    {
        var decision = CancellationPolicy.Default.Decide(status, Start, Start - Duration.FromDays(7), requester);

        Assert.False(decision.Allowed);
        Assert.Equal(CancellationRefusal.NotConfirmed, decision.Refusal);
    }

    [Fact]
    public void The_window_is_configurable()
    {
        var policy = new CancellationPolicy(FreeCancellationHours: 48);
        var thirtyHoursBefore = Start - Duration.FromHours(30);

        Assert.Equal(Start - Duration.FromHours(48), policy.FreeCancellationDeadline(Start));
        Assert.Equal(
            CancellationRefusal.TooLate,
            policy.Decide(BookingStatus.Confirmed, Start, thirtyHoursBefore, CancellationRequester.Patient).Refusal);
        Assert.True(
            CancellationPolicy.Default.Decide(BookingStatus.Confirmed, Start, thirtyHoursBefore, CancellationRequester.Patient).Allowed);
    }

    [Fact]
    public void A_negative_window_is_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new CancellationPolicy(-1));
}
