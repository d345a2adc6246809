using System.Net;
using System.Net.Http.Json;
using CultureHealth.Booking.Application;
using CultureHealth.ServiceDefaults.Auth;
using CultureHealth.Testing;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using static CultureHealth.Booking.Tests.Api.BookingServiceFixture;

namespace CultureHealth.Booking.Tests.Api;

/// <summary>The shared Idempotency-Key rule as booking applies it: copies wait and replay, scopes keep keys apart.</summary>
[Collection(BookingServiceCollection.Name)]
public sealed class BookingIdempotencyTests(BookingServiceFixture fixture)
{
    [Fact]
    public async Task Ten_copies_of_one_booking_split_over_two_replicas_all_answer_the_one_booking()
    {
        var diary = await fixture.ArrangeDiaryAsync();
        using var first = fixture.Service.CreateClient();
        using var second = fixture.Replica.CreateClient();
        var body = Request(diary, await SlotAfterAsync(first, diary, Duration.FromDays(2)));
        var key = Guid.NewGuid().ToString();
        // A patient who proved the address, so every answer carries the (one) manage token.
        var patient = TestPatients.TokenFor("pat@example.com");

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(async i =>
        {
            using var response = await PostBookingAsync(i % 2 == 0 ? first : second, body, key, patient);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        Assert.True(answers.All(a => a.StatusCode == HttpStatusCode.Created), string.Join("\n", answers.Select(a => $"{(int)a.StatusCode} {a.Body}")));
        var created = answers.Select(a => System.Text.Json.JsonSerializer.Deserialize<BookingCreated>(a.Body, Json)!).ToList();
        Assert.Single(created.Select(c => c.Booking.Id).Distinct());
        Assert.NotNull(created[0].ManageToken);
        Assert.Single(created.Select(c => c.ManageToken).Distinct());
        await using var db = fixture.Service.OpenDb();
        Assert.Equal(1, await db.Bookings.CountAsync(b => b.PractitionerId == diary.PractitionerId));
    }

    [Fact]
    public async Task One_key_from_a_guest_and_from_a_signed_in_caller_is_two_keys()
    {
        var diary = await fixture.ArrangeDiaryAsync();
        using var guest = fixture.Service.CreateClient();
        using var reception = fixture.Service.CreateClient(TestStaff.TokenFor(StaffRoles.Reception));
        var start = await SlotAfterAsync(guest, diary, Duration.FromDays(2));
        var later = await SlotAfterAsync(guest, diary, Duration.FromDays(3));
        var key = Guid.NewGuid().ToString();

        using var byGuest = await PostBookingAsync(guest, Request(diary, start, "guest@example.com"), key);
        using var byStaff = await PostBookingAsync(reception, Request(diary, later, "phoned.in@example.com"), key);

        Assert.Equal(HttpStatusCode.Created, byGuest.StatusCode);
        Assert.True(byStaff.StatusCode == HttpStatusCode.Created, await byStaff.Content.ReadAsStringAsync());
        var a = await byGuest.Content.ReadFromJsonAsync<BookingCreated>(Json);
        var b = await byStaff.Content.ReadFromJsonAsync<BookingCreated>(Json);
        Assert.NotEqual(a!.Booking.Id, b!.Booking.Id);
    }

    [Fact]
    public async Task A_retry_after_the_booking_was_cancelled_replays_the_first_answer_and_books_nothing()
    {
        var diary = await fixture.ArrangeDiaryAsync();
        using var client = fixture.Service.CreateClient();
        var body = Request(diary, await SlotAfterAsync(client, diary, Duration.FromDays(3)));
        var key = Guid.NewGuid().ToString();
        var patient = TestPatients.TokenFor("pat@example.com");
        using var first = await PostBookingAsync(client, body, key, patient);
        var created = await first.Content.ReadFromJsonAsync<BookingCreated>(Json);
        using (var cancel = await client.PostAsync($"/api/booking/bookings/{created!.Booking.Id}/cancel?token={created.ManageToken}", null))
        {
            Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        }

        // The slot is free again, but a retry of the first request must not book it a second time.
        using var retry = await PostBookingAsync(client, body, key, patient);

        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        var replayed = await retry.Content.ReadFromJsonAsync<BookingCreated>(Json);
        Assert.Equal(created.Booking.Id, replayed!.Booking.Id);
        Assert.Equal(created.ManageToken, replayed.ManageToken);
        await using var db = fixture.Service.OpenDb();
        Assert.Equal(1, await db.Bookings.CountAsync(b => b.PractitionerId == diary.PractitionerId));
    }
}
