using System.Net;
using CultureHealth.Booking.Domain;
using CultureHealth.Calendar;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using static CultureHealth.Booking.Tests.Api.BookingServiceFixture;

namespace CultureHealth.Booking.Tests.Api;

[Collection(BookingServiceCollection.Name)]
public sealed class DoubleBookingTests(BookingServiceFixture fixture)
{
    [Fact]
    public async Task Fifty_parallel_requests_for_one_slot_make_exactly_one_booking()
    {
        var diary = await fixture.ArrangeDiaryAsync();
        using var client = fixture.Service.CreateClient();
        var start = await SlotAfterAsync(client, diary, Duration.FromDays(2));

        var statuses = await Task.WhenAll(Enumerable.Range(0, 50).Select(async i =>
        {
            using var response = await PostBookingAsync(client, Request(diary, start, $"patient{i}@example.com"));
            return response.StatusCode;
        }));

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(49, statuses.Count(s => s == HttpStatusCode.Conflict));
        await AssertOneHoldsTheSlotAsync(diary);
    }

    [Fact]
    public async Task Two_replicas_on_one_database_still_book_a_slot_once()
    {
        var diary = await fixture.ArrangeDiaryAsync();
        using var first = fixture.Service.CreateClient();
        using var second = fixture.Replica.CreateClient();
        var start = await SlotAfterAsync(first, diary, Duration.FromDays(3));

        var statuses = await Task.WhenAll(Enumerable.Range(0, 50).Select(async i =>
        {
            using var response = await PostBookingAsync(i % 2 == 0 ? first : second, Request(diary, start, $"patient{i}@example.com"));
            return response.StatusCode;
        }));

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(49, statuses.Count(s => s == HttpStatusCode.Conflict));
        await AssertOneHoldsTheSlotAsync(diary);
    }

    [Fact]
    public async Task A_burst_on_overlapping_starts_across_replicas_answers_only_201_or_409_and_never_overlaps()
    {
        // Different but overlapping starts are what made concurrent inserts deadlock inside the
        // exclusion constraint (each waiting on the other's index entry) before writes were serialised.
        var diary = await fixture.ArrangeDiaryAsync();
        using var first = fixture.Service.CreateClient();
        using var second = fixture.Replica.CreateClient();
        var day = ClinicTimeZone.DateOf(Instant.FromDateTimeOffset(await SlotAfterAsync(first, diary, Duration.FromDays(4))));
        var starts = (await SlotsAsync(first, diary, day, day)).Take(12).Select(s => s.Start).ToList();
        Assert.True(starts.Count >= 6, $"expected a day with several free starts, found {starts.Count}");

        var statuses = await Task.WhenAll(Enumerable.Range(0, 200).Select(async i =>
        {
            using var response = await PostBookingAsync(i % 2 == 0 ? first : second,
                Request(diary, starts[i % starts.Count], $"burst{i}@example.com"));
            return response.StatusCode;
        }));

        Assert.All(statuses, s => Assert.True(s is HttpStatusCode.Created or HttpStatusCode.Conflict, $"unexpected {(int)s} {s}"));
        await using var db = fixture.Service.OpenDb();
        // Guests' bookings are pending until confirmed by email, and hold their slot all the same.
        var confirmed = await db.Bookings.AsNoTracking()
            .Where(b => b.PractitionerId == diary.PractitionerId && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Confirmed))
            .Select(b => b.Footprint).ToListAsync();
        Assert.Equal(statuses.Count(s => s == HttpStatusCode.Created), confirmed.Count);
        Assert.NotEmpty(confirmed);
        Assert.DoesNotContain(confirmed, a => confirmed.Any(b => a != b && a.Start < b.End && b.Start < a.End));
    }

    [Fact]
    public async Task A_losing_request_gets_a_problem_saying_the_slot_was_taken()
    {
        var diary = await fixture.ArrangeDiaryAsync();
        using var client = fixture.Service.CreateClient();
        var start = await SlotAfterAsync(client, diary, Duration.FromDays(2));
        await fixture.BookAsync(client, Request(diary, start));

        using var response = await PostBookingAsync(client, Request(diary, start, "late@example.com"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("That slot was just taken", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_database_refuses_an_overlapping_confirmed_booking_even_without_the_api()
    {
        var diary = await fixture.ArrangeDiaryAsync();
        using var client = fixture.Service.CreateClient();
        var start = await SlotAfterAsync(client, diary, Duration.FromDays(2));
        var booked = await fixture.BookAsync(client, Request(diary, start));

        await using var db = fixture.Service.OpenDb();
        var original = await db.Bookings.AsNoTracking().SingleAsync(b => b.Id == booked.Booking.Id);
        // Partially overlapping (30 minutes later), which an exact-start unique key would not catch.
        var later = original.Start + Duration.FromMinutes(30);
        db.Bookings.Add(new Data.PatientBooking
        {
            Id = Guid.NewGuid(), PractitionerId = diary.PractitionerId, AppointmentTypeId = diary.TypeId, Status = BookingStatus.Confirmed,
            Start = later, End = later + Duration.FromHours(1), Footprint = new Interval(later, later + Duration.FromMinutes(75)),
            PatientName = "Direct", PatientEmail = "direct@example.com", ManageTokenHash = new string('0', 64),
        });

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        Assert.Equal("23P01", Assert.IsType<Npgsql.PostgresException>(error.InnerException).SqlState);
    }

    /// <summary>One row, holding the slot: pending (a guest's, awaiting the emailed link) holds it as confirmed does.</summary>
    private async Task AssertOneHoldsTheSlotAsync(Diary diary)
    {
        await using var db = fixture.Service.OpenDb();
        Assert.Equal(1, await db.Bookings.CountAsync(b => b.PractitionerId == diary.PractitionerId));
        Assert.Equal(1, await db.Bookings.CountAsync(b => b.PractitionerId == diary.PractitionerId && b.Status == BookingStatus.Pending));
    }
}
