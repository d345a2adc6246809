using CultureHealth.Booking.Data;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CultureHealth.Testing;

/// <summary>
/// Time passing for a booking, where the behaviour under test needs an appointment that has begun (a no-show, an
/// attended mark): the row is moved in booking's own table, since the API rightly refuses to book the past.
/// </summary>
public static class BookingTime
{
    public static async Task StartedHalfAnHourAgoAsync(TestService<BookingDbContext> booking, Guid bookingId)
    {
        await using var db = booking.OpenDb();
        var row = await db.Bookings.SingleAsync(b => b.Id == bookingId);
        var length = row.End - row.Start;
        var start = SystemClock.Instance.GetCurrentInstant() - Duration.FromMinutes(30);
        row.Start = start;
        row.End = start + length;
        row.Footprint = new Interval(start, start + length);
        await db.SaveChangesAsync();
    }
}
