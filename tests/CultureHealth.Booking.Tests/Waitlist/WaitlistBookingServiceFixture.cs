using System.Net;
using System.Net.Http.Json;
using CultureHealth.Booking.Application;
using CultureHealth.Booking.Data;
using CultureHealth.Booking.Domain;
using CultureHealth.Booking.Tests.Api;
using CultureHealth.Calendar;
using CultureHealth.Contracts;
using CultureHealth.Testing;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CultureHealth.Booking.Tests.Waitlist;

/// <summary>
/// Two replicas on one database, both matching every 200 ms with the usual 30-minute hold; and a host of its own
/// whose offers lapse after two seconds.
/// </summary>
public sealed class WaitlistBookingServiceFixture : IAsyncLifetime
{
    public TestService<BookingDbContext> Service { get; private set; } = null!;
    public TestService<BookingDbContext> Replica { get; private set; } = null!;
    public TestService<BookingDbContext> Lapsing { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var broker = await RabbitMqServer.SharedAsync();
        var vhost = await broker.CreateVirtualHostAsync("waitlist-" + Guid.NewGuid().ToString("N")[..8]);
        var settings = new Dictionary<string, string?>(BookingServiceFixture.Settings) { ["Waitlist:MatchInterval"] = "00:00:00.200" };
        Service = await TestService<BookingDbContext>.StartAsync("booking", vhost, settings: settings);
        Replica = await TestService<BookingDbContext>.StartAsync("booking", vhost, database: Service.DatabaseConnectionString, settings: settings);
        Lapsing = await TestService<BookingDbContext>.StartAsync("booking", await broker.CreateVirtualHostAsync("waitlist-lapse-" + Guid.NewGuid().ToString("N")[..8]),
            settings: new Dictionary<string, string?>(settings) { ["Waitlist:OfferHold"] = "00:00:02" });
    }

    public async Task DisposeAsync()
    {
        await Lapsing.DisposeAsync();
        await Replica.DisposeAsync();
        await Service.DisposeAsync();
    }
}

/// <summary>What the waitlist tests do as patients and as the clinic.</summary>
internal static class WaitlistSteps
{
    /// <summary>Three days ahead: inside the horizon and the free-cancellation window.</summary>
    public static LocalDate Day => BookingServiceFixture.Today.PlusDays(3);

    public static DateTimeOffset At(LocalDate date, int hour, int minute = 0) =>
        ClinicTimeZone.Resolve(date.At(new LocalTime(hour, minute))).ToDateTimeOffset();

    public static string NewEmail(string who) => $"{who}-{Guid.NewGuid():N}@example.com";

    public static async Task<HttpResponseMessage> PostJoinAsync(HttpClient client, object body) =>
        await client.PostAsJsonAsync("/api/booking/waitlist", body);

    public static object JoinBody(Diary diary, LocalDate date, string earliest, string latest, bool anyPractitioner = false, string name = "Wait Ing") => new
    {
        appointmentTypeId = diary.TypeId,
        practitionerId = anyPractitioner ? (Guid?)null : diary.PractitionerId,
        fromDate = date.ToString("yyyy-MM-dd", null),
        toDate = date.ToString("yyyy-MM-dd", null),
        earliestStart = earliest,
        latestStart = latest,
        name,
    };

    /// <summary>Joins as the patient <paramref name="email"/> (a patient token for it) and returns the entry.</summary>
    public static async Task<WaitlistEntryDto> JoinAsync(TestService<BookingDbContext> service, string email, object body)
    {
        using var client = service.CreateClient(TestPatients.TokenFor(email));
        using var response = await PostJoinAsync(client, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<WaitlistEntryDto>(BookingServiceFixture.Json))!;
    }

    /// <summary>Books as a signed-in patient (confirmed at once) and returns the booking with its manage token.</summary>
    public static async Task<BookingCreated> BookAsync(TestService<BookingDbContext> service, Diary diary, DateTimeOffset start, string? email = null)
    {
        email ??= NewEmail("booked");
        using var client = service.CreateClient();
        return await BookingServiceFixture.BookAsPatientAsync(client, BookingServiceFixture.Request(diary, start, email), email);
    }

    public static async Task CancelAsync(HttpClient client, BookingCreated booking)
    {
        using var response = await client.PostAsync(
            new Uri($"/api/booking/bookings/{booking.Booking.Id}/cancel?token={Uri.EscapeDataString(booking.ManageToken!)}", UriKind.Relative), null);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    public static async Task<List<WaitlistOffer>> OffersAsync(TestService<BookingDbContext> service, Guid practitionerId, string? status = null)
    {
        await using var db = service.OpenDb();
        return await db.WaitlistOffers.AsNoTracking()
            .Where(o => o.PractitionerId == practitionerId && (status == null || o.Status == status))
            .OrderBy(o => o.OfferedAt).ToListAsync();
    }

    public static async Task<bool> NoOpeningsLeftAsync(TestService<BookingDbContext> service, Guid practitionerId)
    {
        await using var db = service.OpenDb();
        return !await db.WaitlistOpenings.AnyAsync(o => o.PractitionerId == practitionerId);
    }

    /// <summary>The offer's token as the emailed link carries it: sealed in WaitlistOfferMade, opened as notifications opens it.</summary>
    public static async Task<string> EmailedTokenAsync(TestService<BookingDbContext> service, Guid offerId)
    {
        var made = (await service.OutboxEventsAsync<WaitlistOfferMade>()).Single(e => e.OfferId == offerId);
        return TestSecrets.Events.Open(made.SealedOfferToken) ?? throw new InvalidOperationException("The sealed offer token did not open.");
    }

    public static Task<HttpResponseMessage> TakeAsync(HttpClient client, Guid offerId, string token) =>
        client.PostAsync(new Uri($"/api/booking/waitlist/offers/{offerId}/take?token={Uri.EscapeDataString(token)}", UriKind.Relative), null);
}
