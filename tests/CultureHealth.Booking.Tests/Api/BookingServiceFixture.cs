using System.Net.Http.Json;
using System.Text.Json;
using CultureHealth.Booking.Application;
using CultureHealth.Booking.Data;
using CultureHealth.Booking.Domain;
using CultureHealth.Calendar;
using CultureHealth.Contracts;
using CultureHealth.Testing;
using MassTransit;
using NodaTime;

namespace CultureHealth.Booking.Tests.Api;

/// <summary>
/// One booking service (and a second replica on the same database) per test class. Every test arranges
/// its own practitioner and appointment type, so tests sharing the host cannot see each other's diaries.
/// </summary>
public sealed class BookingServiceFixture : IAsyncLifetime
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public TestService<BookingDbContext> Service { get; private set; } = null!;
    public TestService<BookingDbContext> Replica { get; private set; } = null!;
    public ConsumeCounter Consumed { get; } = new();

    public async Task InitializeAsync()
    {
        var broker = await RabbitMqServer.SharedAsync();
        var vhost = await broker.CreateVirtualHostAsync("booking-" + Guid.NewGuid().ToString("N")[..8]);
        Service = await TestService<BookingDbContext>.StartAsync("booking", vhost, settings: Settings,
            services: s => s.AddConsumeObserver(_ => Consumed));
        Replica = await TestService<BookingDbContext>.StartAsync("booking", vhost, database: Service.DatabaseConnectionString, settings: Settings,
            services: s => s.AddConsumeObserver(_ => Consumed));
    }

    /// <summary>
    /// Tests of every class share these hosts and (in memory) one client address, so the caps on open pending
    /// bookings are lifted here; GuestBookingTests prove the caps on hosts of their own.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string?> Settings = new Dictionary<string, string?>
    {
        ["Booking:MaxPendingPerEmail"] = "10000",
        ["Booking:MaxPendingPerClientAddress"] = "10000",
    };

    public async Task DisposeAsync()
    {
        await Replica.DisposeAsync();
        await Service.DisposeAsync();
    }

    /// <summary>A practitioner working every day 06:00-22:00 who offers a new appointment type of their own.</summary>
    public Task<Diary> ArrangeDiaryAsync(int durationMinutes = 60, int bufferAfterMinutes = 15, bool creditsCanPay = true) =>
        ArrangeDiaryAsync(Service, durationMinutes, bufferAfterMinutes, creditsCanPay);

    public static async Task<Diary> ArrangeDiaryAsync(
        TestService<BookingDbContext> service, int durationMinutes = 60, int bufferAfterMinutes = 15, bool creditsCanPay = true)
    {
        var diary = new Diary(Guid.NewGuid(), Guid.NewGuid(), "type-" + Guid.NewGuid().ToString("N")[..10]);
        await using var db = service.OpenDb();
        db.Practitioners.Add(new Practitioner { Id = diary.PractitionerId, Name = "Test " + diary.Code, Title = "Physiotherapist", UpdatedAt = DateTimeOffset.UtcNow });
        db.AppointmentTypes.Add(new AppointmentTypeDefinition
        {
            Id = diary.TypeId, Code = diary.Code, Name = "Assessment " + diary.Code, DurationMinutes = durationMinutes,
            BufferAfterMinutes = bufferAfterMinutes, PricePence = 9500, CreditsCanPay = creditsCanPay,
        });
        db.Offerings.Add(new PractitionerOffering { PractitionerId = diary.PractitionerId, AppointmentTypeId = diary.TypeId });
        foreach (var day in Enum.GetValues<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None))
        {
            db.WeeklySchedule.Add(new WeeklyScheduleInterval
            {
                Id = Guid.NewGuid(), PractitionerId = diary.PractitionerId, Day = day, Start = new LocalTime(6, 0), End = new LocalTime(22, 0),
            });
        }

        await db.SaveChangesAsync();
        return diary;
    }

    public static LocalDate Today => ClinicTimeZone.Today(TimeProvider.System);

    public static async Task<IReadOnlyList<SlotDto>> SlotsAsync(HttpClient client, Diary diary, LocalDate from, LocalDate to)
    {
        var url = $"/api/booking/availability?appointmentTypeId={diary.TypeId}&practitionerId={diary.PractitionerId}&from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}";
        var availability = await client.GetFromJsonAsync<AvailabilityDto>(url, Json);
        return Assert.Single(availability!.Practitioners).Slots;
    }

    /// <summary>The first free slot at least <paramref name="after"/> from now.</summary>
    public static Task<DateTimeOffset> SlotAfterAsync(HttpClient client, Diary diary, Duration after)
    {
        var earliest = SystemClock.Instance.GetCurrentInstant() + after;
        return FirstSlotFromAsync(client, diary, earliest, ClinicTimeZone.DateOf(earliest).PlusDays(2));
    }

    /// <summary>
    /// The first slot at or after 09:00 clinic time, <paramref name="days"/> days from today: a test that moves it hours
    /// later that day stays inside the diary's hours (06:00–22:00) whatever the time of day it runs.
    /// </summary>
    public static Task<DateTimeOffset> MorningSlotAsync(HttpClient client, Diary diary, int days)
    {
        var date = Today.PlusDays(days);
        return FirstSlotFromAsync(client, diary, ClinicTimeZone.Resolve(date.At(new LocalTime(9, 0))).ToInstant(), date);
    }

    /// <summary>The first free slot at or after <paramref name="earliest"/>, looking as far as <paramref name="lastDate"/>.</summary>
    private static async Task<DateTimeOffset> FirstSlotFromAsync(HttpClient client, Diary diary, Instant earliest, LocalDate lastDate)
    {
        var slots = await SlotsAsync(client, diary, ClinicTimeZone.DateOf(earliest), lastDate);
        return slots.First(s => Instant.FromDateTimeOffset(s.Start) >= earliest).Start;
    }

    public static object Request(Diary diary, DateTimeOffset start, string email = "pat@example.com", bool useCredit = false, string name = "Pat Example") => new
    {
        appointmentTypeId = diary.TypeId,
        practitionerId = diary.PractitionerId,
        start = start.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
        patient = new { name, email, phone = "07700 900123" },
        notes = "Left knee",
        useCredit,
    };

    /// <summary>POSTs a booking; <paramref name="patientToken"/> (from TestPatients) proves the sender's address.</summary>
    public static async Task<HttpResponseMessage> PostBookingAsync(
        HttpClient client, object body, string? key = null, string? patientToken = null, string? clientAddress = null)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/booking/bookings") { Content = JsonContent.Create(body) };
        message.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString());
        if (patientToken is not null)
        {
            message.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", patientToken);
        }
        if (clientAddress is not null)
        {
            // What the gateway sets; the service takes the last entry as the client.
            message.Headers.Add("X-Forwarded-For", clientAddress);
        }
        return await client.SendAsync(message);
    }

    /// <summary>
    /// Books as a guest and confirms it as the patient would: with the manage token from the "please confirm"
    /// email (read from the booking's outbox event and opened as notifications opens it). Returns the confirmed
    /// booking with its manage token, as a patient has them after following the link.
    /// </summary>
    public async Task<BookingCreated> BookAsync(HttpClient client, object body)
    {
        using var response = await PostBookingAsync(client, body);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<BookingCreated>(Json))!;
        Assert.Equal("pending", created.Booking.Status);
        Assert.Null(created.ManageToken);
        var token = await EmailedTokenAsync(created.Booking.Id);
        using var confirm = await client.PostAsync(new Uri($"/api/booking/bookings/{created.Booking.Id}/confirm?token={Uri.EscapeDataString(token)}", UriKind.Relative), null);
        Assert.Equal(System.Net.HttpStatusCode.OK, confirm.StatusCode);
        return new BookingCreated((await confirm.Content.ReadFromJsonAsync<BookingDto>(Json))!, token);
    }

    /// <summary>Books with a patient token for the booking's own address: confirmed at once.</summary>
    public static async Task<BookingCreated> BookAsPatientAsync(HttpClient client, object body, string email)
    {
        using var response = await PostBookingAsync(client, body, patientToken: TestPatients.TokenFor(email));
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<BookingCreated>(Json))!;
    }

    /// <summary>The manage token the "please confirm your booking" email carries (sealed in BookingConfirmationRequested).</summary>
    public async Task<string> EmailedTokenAsync(Guid bookingId) => await EmailedTokenAsync(Service, bookingId);

    public static async Task<string> EmailedTokenAsync(TestService<BookingDbContext> service, Guid bookingId)
    {
        var requested = (await service.OutboxEventsAsync<BookingConfirmationRequested>()).Single(e => e.BookingId == bookingId);
        return TestSecrets.Events.Open(requested.SealedManageToken) ?? throw new InvalidOperationException("The sealed manage token did not open.");
    }

    public IBus Bus => Service.GetRequiredService<IBus>();
}

public sealed record Diary(Guid PractitionerId, Guid TypeId, string Code);

/// <summary>All API test classes share one pair of hosts; starting them is the slow part.</summary>
[CollectionDefinition(Name)]
public sealed class BookingServiceCollection : ICollectionFixture<BookingServiceFixture>
{
    public const string Name = "booking service";
}
