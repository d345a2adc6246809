using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CultureHealth.Booking.Application;
using CultureHealth.Booking.Data;
using CultureHealth.Booking.Domain;
using CultureHealth.Contracts;
using CultureHealth.ServiceDefaults.Auth;
using CultureHealth.Testing;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using static CultureHealth.Booking.Tests.Api.BookingServiceFixture;

namespace CultureHealth.Booking.Tests.Api;

/// <summary>Issue 20 (diary hoarding): a guest's booking holds its slot only until the emailed link confirms it.</summary>
[Collection(BookingServiceCollection.Name)]
public sealed class GuestBookingTests(BookingServiceFixture fixture)
{
    [Fact]
    public async Task A_guests_booking_is_pending_holds_its_slot_and_is_confirmed_only_by_the_emailed_link()
    {
        var diary = await fixture.ArrangeDiaryAsync();
        using var client = fixture.Service.CreateClient();
        var start = await SlotAfterAsync(client, diary, Duration.FromDays(2));

        using var response = await PostBookingAsync(client, Request(diary, start));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        var created = JsonSerializer.Deserialize<BookingCreated>(body, Json)!;

        // Pending, no manage token in the reply, and a deadline.
        Assert.Equal("pending", created.Booking.Status);
        Assert.DoesNotContain("manageToken", body, StringComparison.Ordinal);
        Assert.NotNull(created.ConfirmBy);
        Assert.InRange(created.ConfirmBy!.Value, DateTimeOffset.UtcNow.AddMinutes(14), DateTimeOffset.UtcNow.AddMinutes(16));
        // It holds the slot: not offered, not bookable by anyone else.
        Assert.DoesNotContain(await SlotsAsync(client, diary, Today.PlusDays(2), Today.PlusDays(4)), s => s.Start == start);
        using var rival = await PostBookingAsync(client, Request(diary, start, "rival@example.com"));
        Assert.Equal(HttpStatusCode.Conflict, rival.StatusCode);
        // The email asks to confirm; the token travels sealed, and nothing is confirmed yet.
        var requested = (await fixture.Service.OutboxEventsAsync<BookingConfirmationRequested>()).Single(e => e.BookingId == created.Booking.Id);
        var token = TestSecrets.Events.Open(requested.SealedManageToken)!;
        Assert.DoesNotContain(token, requested.SealedManageToken, StringComparison.Ordinal);
        Assert.DoesNotContain(await fixture.Service.OutboxEventsAsync<BookingConfirmed>(), e => e.BookingId == created.Booking.Id);

        using var wrong = await client.PostAsync($"/api/booking/bookings/{created.Booking.Id}/confirm?token=guess", null);
        using var cancelWhilePending = await client.PostAsync($"/api/booking/bookings/{created.Booking.Id}/cancel?token={token}", null);
        using var confirm = await client.PostAsync($"/api/booking/bookings/{created.Booking.Id}/confirm?token={token}", null);
        using var again = await client.PostAsync($"/api/booking/bookings/{created.Booking.Id}/confirm?token={token}", null);

        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, cancelWhilePending.StatusCode);
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Equal("confirmed", (await confirm.Content.ReadFromJsonAsync<BookingDto>(Json))!.Status);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        // Exactly one BookingConfirmed (the usual confirmation email with its .ics), carrying the manage link.
        var confirmed = Assert.Single(await fixture.Service.OutboxEventsAsync<BookingConfirmed>(), e => e.BookingId == created.Booking.Id);
        Assert.Equal(token, TestSecrets.Events.Open(confirmed.ManageToken) ?? confirmed.ManageToken);
        await using var db = fixture.Service.OpenDb();
        Assert.False(await db.PendingConfirmations.AnyAsync(p => p.BookingId == created.Booking.Id));
    }

    [Fact]
    public async Task A_patient_token_for_the_same_address_confirms_at_once_and_one_for_another_address_does_not()
    {
        var diary = await fixture.ArrangeDiaryAsync();
        using var client = fixture.Service.CreateClient();
        var email = $"Known-{Guid.NewGuid():N}@Example.com";

        using var own = await PostBookingAsync(client, Request(diary, await SlotAfterAsync(client, diary, Duration.FromDays(2)), email),
            patientToken: TestPatients.TokenFor(email.ToLowerInvariant()));
        using var other = await PostBookingAsync(client, Request(diary, await SlotAfterAsync(client, diary, Duration.FromDays(3)), email),
            patientToken: TestPatients.TokenFor("someone-else@example.com"));
        using var unverified = await PostBookingAsync(client, Request(diary, await SlotAfterAsync(client, diary, Duration.FromDays(4)), email),
            patientToken: TestPatients.TokenFor(email, emailVerified: false));

        var ownBooking = (await own.Content.ReadFromJsonAsync<BookingCreated>(Json))!;
        Assert.Equal("confirmed", ownBooking.Booking.Status);
        Assert.NotNull(ownBooking.ManageToken);
        Assert.Null(ownBooking.ConfirmBy);
        Assert.Contains("no-store", own.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        foreach (var guest in new[] { other, unverified })
        {
            var booking = (await guest.Content.ReadFromJsonAsync<BookingCreated>(Json))!;
            Assert.Equal("pending", booking.Booking.Status);
            Assert.Null(booking.ManageToken);
        }
    }

    [Fact]
    public async Task Staff_booking_a_caller_confirms_at_once_and_the_manage_link_goes_by_email()
    {
        var diary = await fixture.ArrangeDiaryAsync();
        var elsewhere = await fixture.ArrangeDiaryAsync();
        using var reception = fixture.Service.CreateClient(TestStaff.TokenFor(StaffRoles.Reception));
        using var practitioner = fixture.Service.CreateClient(TestStaff.TokenFor(new StaffIdentity(
            Guid.NewGuid(), "physio@test.culturehealth.local", "Physio", [StaffRoles.Practitioner], diary.PractitionerId)));
        using var anonymous = fixture.Service.CreateClient();
        var start = await SlotAfterAsync(anonymous, diary, Duration.FromDays(2));

        using var booked = await PostStaffBookingAsync(reception, Request(diary, start, "caller@example.com"));
        using var notTheirs = await PostStaffBookingAsync(practitioner,
            Request(elsewhere, await SlotAfterAsync(anonymous, elsewhere, Duration.FromDays(2)), "caller@example.com"));
        using var noToken = await PostStaffBookingAsync(anonymous, Request(diary, start.AddHours(3), "caller@example.com"));

        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var created = (await booked.Content.ReadFromJsonAsync<BookingCreated>(Json))!;
        Assert.Equal("confirmed", created.Booking.Status);
        Assert.Null(created.ManageToken);
        Assert.Single(await fixture.Service.OutboxEventsAsync<BookingConfirmed>(), e => e.BookingId == created.Booking.Id && e.ManageToken is not null);
        Assert.Equal(HttpStatusCode.Forbidden, notTheirs.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);
    }

    /// <summary>Found by the malformed-input sweep: a start at the calendar's far end overflowed into a 500.</summary>
    [Theory]
    [InlineData("9999-12-31T23:30:00Z")]
    [InlineData("0001-01-01T00:00:00Z")]
    public async Task A_start_at_the_ends_of_the_calendar_is_a_400_naming_start_for_staff_and_guests(string start)
    {
        var diary = await fixture.ArrangeDiaryAsync();
        using var reception = fixture.Service.CreateClient(TestStaff.TokenFor(StaffRoles.Reception));
        using var guest = fixture.Service.CreateClient();
        var body = new
        {
            appointmentTypeId = diary.TypeId,
            practitionerId = diary.PractitionerId,
            start,
            patient = new { name = "Far Future", email = "far.future@example.com" },
        };

        using var staff = await PostStaffBookingAsync(reception, body);
        using var website = await PostBookingAsync(guest, body);

        foreach (var response in new[] { staff, website })
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
            Assert.Contains("\"start\"", text, StringComparison.Ordinal);
        }
    }

    private static async Task<HttpResponseMessage> PostStaffBookingAsync(HttpClient client, object body)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "/manage/booking/bookings") { Content = JsonContent.Create(body) };
        message.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return await client.SendAsync(message);
    }
}

/// <summary>The caps on open holds and their expiry, on hosts of their own with small limits and a short hold.</summary>
public sealed class GuestLimitsBookingServiceFixture : IAsyncLifetime
{
    public TestService<BookingDbContext> Capped { get; private set; } = null!;
    public TestService<BookingDbContext> Expiring { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var broker = await RabbitMqServer.SharedAsync();
        Capped = await TestService<BookingDbContext>.StartAsync("booking", await broker.CreateVirtualHostAsync("booking-caps-" + Guid.NewGuid().ToString("N")[..8]),
            settings: new Dictionary<string, string?> { ["Booking:MaxPendingPerEmail"] = "2", ["Booking:MaxPendingPerClientAddress"] = "4" });
        Expiring = await TestService<BookingDbContext>.StartAsync("booking", await broker.CreateVirtualHostAsync("booking-exp-" + Guid.NewGuid().ToString("N")[..8]),
            settings: new Dictionary<string, string?> { ["Booking:PendingHold"] = "00:00:02", ["Booking:PendingSweepInterval"] = "00:00:00.200" });
    }

    public async Task DisposeAsync()
    {
        await Expiring.DisposeAsync();
        await Capped.DisposeAsync();
    }
}

public sealed class GuestBookingLimitTests(GuestLimitsBookingServiceFixture limits) : IClassFixture<GuestLimitsBookingServiceFixture>
{
    [Fact]
    public async Task One_address_cannot_hold_more_than_its_cap_of_unconfirmed_bookings_even_all_at_once()
    {
        var diary = await BookingServiceFixture.ArrangeDiaryAsync(limits.Capped, durationMinutes: 30, bufferAfterMinutes: 0);
        using var client = limits.Capped.CreateClient();
        var email = $"hoarder-{Guid.NewGuid():N}@example.com";
        var slots = (await SlotsAsync(client, diary, Today.PlusDays(3), Today.PlusDays(3))).Where((_, i) => i % 8 == 0).Take(8).ToList();

        // Eight at once from eight different connections: the per-address cap (2) still holds exactly.
        var responses = await Task.WhenAll(slots.Select((slot, i) =>
            PostBookingAsync(client, Request(diary, slot.Start, email), clientAddress: $"198.51.100.{i + 1}")));
        Assert.Equal(2, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        var refused = responses.First(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
        using (var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()))
        {
            Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("patient.email", out _), problem.RootElement.ToString());
            Assert.Contains("too-many-pending", problem.RootElement.GetProperty("type").GetString(), StringComparison.Ordinal);
        }

        // Confirming one frees a place for the address (booked in a slot neither held booking took: which two won is chance).
        var held = new List<BookingCreated>();
        foreach (var created in responses.Where(r => r.StatusCode == HttpStatusCode.Created))
        {
            held.Add((await created.Content.ReadFromJsonAsync<BookingCreated>(Json))!);
        }
        var first = held[0];
        var token = await EmailedTokenAsync(limits.Capped, first.Booking.Id);
        using var confirm = await client.PostAsync($"/api/booking/bookings/{first.Booking.Id}/confirm?token={token}", null);
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        var free = slots.First(slot => held.All(h => h.Booking.Start != slot.Start));
        using var next = await PostBookingAsync(client, Request(diary, free.Start, email), clientAddress: "198.51.100.99");
        Assert.Equal(HttpStatusCode.Created, next.StatusCode);
        foreach (var r in responses)
        {
            r.Dispose();
        }
    }

    [Fact]
    public async Task One_connection_cannot_hold_more_than_its_cap_whatever_addresses_it_uses()
    {
        var diary = await BookingServiceFixture.ArrangeDiaryAsync(limits.Capped, durationMinutes: 30, bufferAfterMinutes: 0);
        using var client = limits.Capped.CreateClient();
        var connection = $"203.0.113.{Random.Shared.Next(1, 250)}";
        var slots = (await SlotsAsync(client, diary, Today.PlusDays(4), Today.PlusDays(4))).Where((_, i) => i % 8 == 0).Take(6).ToList();

        var statuses = new List<HttpStatusCode>();
        foreach (var (slot, i) in slots.Select((s, i) => (s, i)))
        {
            using var response = await PostBookingAsync(client, Request(diary, slot.Start, $"alias{i}-{Guid.NewGuid():N}@example.com"), clientAddress: connection);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Created, 4), HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        // A patient proving the address is not a guest: the cap does not apply.
        var proven = $"proven-{Guid.NewGuid():N}@example.com";
        using var withToken = await PostBookingAsync(client, Request(diary, slots[^1].Start.AddHours(-1), proven),
            patientToken: TestPatients.TokenFor(proven), clientAddress: connection);
        Assert.Equal(HttpStatusCode.Created, withToken.StatusCode);
    }

    [Fact]
    public async Task An_unconfirmed_booking_expires_its_slot_is_free_again_and_its_link_no_longer_confirms()
    {
        var diary = await BookingServiceFixture.ArrangeDiaryAsync(limits.Expiring, durationMinutes: 30, bufferAfterMinutes: 0);
        using var client = limits.Expiring.CreateClient();
        var start = await SlotAfterAsync(client, diary, Duration.FromDays(2));
        using var response = await PostBookingAsync(client, Request(diary, start));
        var created = (await response.Content.ReadFromJsonAsync<BookingCreated>(Json))!;
        var token = await EmailedTokenAsync(limits.Expiring, created.Booking.Id);

        await Eventually.TrueAsync(async () =>
        {
            await using var db = limits.Expiring.OpenDb();
            return await db.Bookings.AnyAsync(b => b.Id == created.Booking.Id && b.Status == BookingStatus.Expired);
        }, TimeSpan.FromSeconds(60), "the sweeper expired the pending booking");

        using var late = await client.PostAsync($"/api/booking/bookings/{created.Booking.Id}/confirm?token={token}", null);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("confirmation-expired", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var expired = Assert.Single(await limits.Expiring.OutboxEventsAsync<BookingExpired>(), e => e.BookingId == created.Booking.Id);
        Assert.Equal(diary.PractitionerId, expired.PractitionerId);
        Assert.Contains(await SlotsAsync(client, diary, Today.PlusDays(2), Today.PlusDays(4)), s => s.Start == start);
        using var rebook = await PostBookingAsync(client, Request(diary, start, "next@example.com"));
        Assert.Equal(HttpStatusCode.Created, rebook.StatusCode);
        Assert.DoesNotContain(await limits.Expiring.OutboxEventsAsync<BookingConfirmed>(), e => e.BookingId == created.Booking.Id);
    }
}
