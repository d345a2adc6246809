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
    public void Only_a_confirmed_booking_can_move_and_only_forward(BookingStatus from, BookingStatus to, bool allowed)
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
    public void Every_status_but_confirmed_is_final(BookingStatus status, bool final) =>
        Assert.Equal(final, status.IsFinal());
}
