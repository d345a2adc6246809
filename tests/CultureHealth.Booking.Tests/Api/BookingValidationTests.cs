using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CultureHealth.Booking.Domain;
using CultureHealth.Calendar;
using CultureHealth.Testing;
using NodaTime;
using static CultureHealth.Booking.Tests.Api.BookingServiceFixture;

namespace CultureHealth.Booking.Tests.Api;

/// <summary>Bad input is a 400/422 problem naming the field, never a 500.</summary>
[Collection(BookingServiceCollection.Name)]
public sealed class BookingValidationTests(BookingServiceFixture fixture)
{
    public static TheoryData<string, int, string> Cases => new()
    {
        { "unknown-type", 422, "appointmentTypeId" },
        { "unknown-practitioner", 422, "practitionerId" },
        { "off-boundary", 422, "start" },
        { "past", 422, "start" },
        { "outside-hours", 422, "start" },
        { "beyond-horizon", 422, "start" },
        { "malformed-email", 400, "patient.email" },
        { "no-offset", 400, "start" },
        { "missing-name", 400, "patient.name" },
        { "credit-not-allowed", 422, "useCredit" },
        { "no-credit", 422, "useCredit" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_booking_requests_name_the_field(string @case, int status, string field)
    {
        var diary = await fixture.ArrangeDiaryAsync(creditsCanPay: @case != "credit-not-allowed");
        using var client = fixture.Service.CreateClient();
        var slot = await SlotAfterAsync(client, diary, Duration.FromDays(2));
        var tomorrow = Today.PlusDays(1);
        DateTimeOffset London(LocalDate date, int hour, int minute) =>
            ClinicTimeZone.Resolve(date + new LocalTime(hour, minute)).ToDateTimeOffset();

        var body = @case switch
        {
            "unknown-type" => Request(diary with { TypeId = Guid.NewGuid() }, slot),
            "unknown-practitioner" => Request(diary with { PractitionerId = Guid.NewGuid() }, slot),
            "off-boundary" => Request(diary, slot.AddMinutes(5)),
            "past" => Request(diary, London(Today.PlusDays(-1), 10, 0)),
            "outside-hours" => Request(diary, London(tomorrow, 23, 0)),
            "beyond-horizon" => Request(diary, London(Today.PlusDays(200), 10, 0)),
            "malformed-email" => Request(diary, slot, "not an email"),
            "no-offset" => new { appointmentTypeId = diary.TypeId, practitionerId = diary.PractitionerId, start = "2030-01-01T10:00:00", patient = new { name = "A", email = "a@example.com" } },
            "missing-name" => Request(diary, slot, name: " "),
            "credit-not-allowed" or "no-credit" => Request(diary, slot, useCredit: true),
            _ => throw new ArgumentOutOfRangeException(nameof(@case)),
        };

        // Credits are spent only for a proven address, so the credit cases come with the patient's token.
        var patientToken = @case is "credit-not-allowed" or "no-credit" ? TestPatients.TokenFor("pat@example.com") : null;
        using var response = await PostBookingAsync(client, body, patientToken: patientToken);

        Assert.Equal(status, (int)response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), $"errors should name {field}: {problem.RootElement}");
    }

    [Fact]
    public async Task A_booking_without_an_idempotency_key_is_refused()
    {
        var diary = await fixture.ArrangeDiaryAsync();
        using var client = fixture.Service.CreateClient();
        var slot = await SlotAfterAsync(client, diary, Duration.FromDays(2));

        using var response = await client.PostAsJsonAsync("/api/booking/bookings", Request(diary, slot));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Idempotency-Key", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_json_and_bad_availability_queries_are_400s()
    {
        var diary = await fixture.ArrangeDiaryAsync();
        using var client = fixture.Service.CreateClient();
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/booking/bookings")
        {
            Content = new StringContent("{\"appointmentTypeId\": 42", System.Text.Encoding.UTF8, "application/json"),
        };
        message.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());

        using var broken = await client.SendAsync(message);
        using var badDate = await client.GetAsync($"/api/booking/availability?appointmentTypeId={diary.TypeId}&from=tomorrow");
        using var tooLong = await client.GetAsync($"/api/booking/availability?appointmentTypeId={diary.TypeId}&from=2030-01-01&to=2030-06-01");
        using var noType = await client.GetAsync($"/api/booking/availability?appointmentTypeId={Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noType.StatusCode);
    }
}
