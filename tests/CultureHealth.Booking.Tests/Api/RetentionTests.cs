using CultureHealth.Booking.Data;
using CultureHealth.Booking.Domain;
using CultureHealth.Messaging.Erasure;
using CultureHealth.Testing;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CultureHealth.Booking.Tests.Api;

/// <summary>
/// The retention policy (Booking:Retention): the job anonymises bookings that ended more than AnonymiseAfter ago (8
/// years, the NHS norm for adult health records) and nothing younger, on a host of its own that runs it every second.
/// </summary>
public sealed class RetentionTests : IAsyncLifetime
{
    private TestService<BookingDbContext> _service = null!;

    public async Task InitializeAsync()
    {
        var broker = await RabbitMqServer.SharedAsync();
        var vhost = await broker.CreateVirtualHostAsync("retention-" + Guid.NewGuid().ToString("N")[..8]);
        _service = await TestService<BookingDbContext>.StartAsync("booking", vhost, settings: new Dictionary<string, string?>
        {
            ["Booking:Retention:AnonymiseAfter"] = "2922.00:00:00",
            ["Booking:Retention:Interval"] = "00:00:01",
        });
    }

    public Task DisposeAsync() => _service.DisposeAsync().AsTask();

    [Fact]
    public async Task Bookings_past_the_policy_lose_contact_details_and_notes_and_younger_ones_keep_them()
    {
        var diary = await BookingServiceFixture.ArrangeDiaryAsync(_service);
        var now = SystemClock.Instance.GetCurrentInstant();
        var policy = Duration.FromDays(2922);
        var past = await AddBookingAsync(diary, now - policy - Duration.FromDays(30), "past");
        var justInside = await AddBookingAsync(diary, now - policy + Duration.FromDays(30), "inside");
        var recent = await AddBookingAsync(diary, now - Duration.FromDays(1), "recent");

        await Eventually.TrueAsync(async () =>
        {
            await using var db = _service.OpenDb();
            var row = await db.Bookings.AsNoTracking().SingleAsync(b => b.Id == past);
            return row.PatientEmail == ErasedPersonalData.Email && row.PatientPhone is null && row.Notes is null && row.PatientName == ErasedPersonalData.Name;
        }, TimeSpan.FromSeconds(60), "the job anonymised the booking past the policy");

        // The job has run over all three since (it takes every due row in a round) and keeps running: the younger ones stay whole.
        await Eventually.HoldsAsync(() =>
        {
            using var db = _service.OpenDb();
            return db.Bookings.AsNoTracking().Count(b => (b.Id == justInside || b.Id == recent) && b.PatientEmail != "" && b.Notes != null && b.PatientPhone != null) == 2;
        }, TimeSpan.FromSeconds(3), "bookings inside the policy keep their details");

        await using var check = _service.OpenDb();
        var kept = await check.Bookings.AsNoTracking().SingleAsync(b => b.Id == past);
        Assert.Equal(BookingStatus.Completed, kept.Status); // the diary's fact stays
        Assert.Equal(9500, kept.PricePence);
    }

    private async Task<Guid> AddBookingAsync(Diary diary, Instant end, string who)
    {
        var id = Guid.NewGuid();
        var start = end - Duration.FromHours(1);
        await using var db = _service.OpenDb();
        db.Bookings.Add(new PatientBooking
        {
            Id = id, PractitionerId = diary.PractitionerId, AppointmentTypeId = diary.TypeId, Status = BookingStatus.Completed,
            Start = start, End = end, Footprint = new Interval(start, end), PricePence = 9500,
            PatientName = "Pat " + who, PatientEmail = $"{who}.{id:N}@example.com", PatientPhone = "07700 900123", Notes = "Left knee, " + who,
            ManageTokenHash = new string('0', 64), CreatedAt = start - Duration.FromDays(7), UpdatedAt = end,
        });
        await db.SaveChangesAsync();
        return id;
    }
}
