using CultureHealth.Booking.Domain;
using Xunit;

namespace CultureHealth.Booking.Tests.Domain;

public class BookingStatusTests
{
    public static TheoryData<BookingStatus, BookingStatus, bool> AllTransitions()
    {
        var allowed = new HashSet<(BookingStatus, BookingStatus)>
        {
            (BookingStatus.Confirmed, BookingStatus.Cancelled),
            (BookingStatus.Confirmed, BookingStatus.Completed),
            (BookingStatus.Confirmed, BookingStatus.NoShow),
            (BookingStatus.Pending, BookingStatus.Confirmed),
            (BookingStatus.Pending, BookingStatus.Expired),
        };
        var data = new TheoryData<BookingStatus, BookingStatus, bool>();
        foreach (var from in Enum.GetValues<BookingStatus>())
        {
            foreach (var to in Enum.GetValues<BookingStatus>())
            {
                data.Add(from, to, allowed.Contains((from, to)));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllTransitions))]
    public void A_pending_booking_is_confirmed_or_expires_and_only_a_confirmed_one_moves_on(BookingStatus from, BookingStatus to, bool allowed)
    {
        Assert.Equal(allowed, from.CanTransitionTo(to));

        if (allowed)
        {
            Assert.Equal(to, from.TransitionTo(to));
        }
        else
        {
            Assert.Throws<InvalidOperationException>(() => from.TransitionTo(to));
        }
    }

    [Theory]
    [InlineData(BookingStatus.Confirmed, false)]
    [InlineData(BookingStatus.Cancelled, true)]
    [InlineData(BookingStatus.Completed, true)]
    [InlineData(BookingStatus.NoShow, true)]
    [InlineData(BookingStatus.Pending, false)]
    [InlineData(BookingStatus.Expired, true)]
    public void Every_status_but_pending_and_confirmed_is_final(BookingStatus status, bool final) =>
        Assert.Equal(final, status.IsFinal());
}

public class DiaryHoldTests
{
    [Theory]
    [InlineData(BookingStatus.Pending, true)]
    [InlineData(BookingStatus.Confirmed, true)]
    [InlineData(BookingStatus.Expired, false)]
    [InlineData(BookingStatus.Cancelled, false)]
    [InlineData(BookingStatus.Completed, false)]
    [InlineData(BookingStatus.NoShow, false)]
    public void Pending_and_confirmed_bookings_hold_the_diary(BookingStatus status, bool holds) =>
        Assert.Equal(holds, status.HoldsTheDiary());
}
