using CultureHealth.Booking.Domain;
using CultureHealth.Calendar;
using NodaTime;

namespace CultureHealth.Booking.Tests.Domain;

public sealed class PractitionerFeedTests
{
    private static readonly Guid BookingId = Guid.Parse("6f1c2a8e-3b7d-4e21-9a55-0c4d8e9f1a2b");
    private static readonly Instant Start = Instant.FromUtc(2026, 7, 15, 9, 0);
    private static readonly Instant End = Instant.FromUtc(2026, 7, 15, 9, 45);

    [Theory]
    [InlineData(BookingStatus.Confirmed, false)]
    [InlineData(BookingStatus.Completed, false)]
    [InlineData(BookingStatus.NoShow, false)]
    [InlineData(BookingStatus.Cancelled, true)]
    public void Only_a_cancelled_booking_leaves_the_diary(BookingStatus status, bool cancelled) =>
        Assert.Equal(cancelled, PractitionerFeed.Event(BookingId, Start, End, "Sports massage: Pat", status, 0).Cancelled);

    [Fact]
    public void The_event_carries_the_booking()
    {
        var e = PractitionerFeed.Event(BookingId, Start, End, "Sports massage: Pat", BookingStatus.Confirmed, 3, "07700 900123", "Clinic, 1 High St");

        Assert.Equal(new IcsEvent(BookingId, Start, End, "Sports massage: Pat", false, 3, "07700 900123", "Clinic, 1 High St"), e);
        Assert.Equal($"{BookingId:D}@culturehealth", e.Uid);
    }

    [Fact]
    public void A_completed_appointment_is_written_as_confirmed()
    {
        var ics = IcsWriter.WriteFeed("Diary", [PractitionerFeed.Event(BookingId, Start, End, "Sports massage: Pat", BookingStatus.Completed, 1)], Start);

        Assert.Contains("STATUS:CONFIRMED\r\n", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("STATUS:CANCELLED", ics, StringComparison.Ordinal);
    }
}
