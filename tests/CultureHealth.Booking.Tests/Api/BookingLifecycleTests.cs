using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CultureHealth.Booking.Application;
using CultureHealth.Booking.Domain;
using CultureHealth.Contracts;
using CultureHealth.Messaging.Outbox;
using CultureHealth.Testing;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using static CultureHealth.Booking.Tests.Api.BookingServiceFixture;
using CultureHealth.ServiceDefaults.Secrets;

namespace CultureHealth.Booking.Tests.Api;

[Collection(BookingServiceCollection.Name)]
public sealed class BookingLifecycleTests(BookingServiceFixture fixture)
{
    [Fact]
    public async Task A_retry_with_the_same_idempotency_key_returns_the_same_booking_and_token()
    {
        var diary = await fixture.ArrangeDiaryAsync();
        using var client = fixture.Service.CreateClient();
        var body = Request(diary, await SlotAfterAsync(client, diary, Duration.FromDays(2)));
        var key = Guid.NewGuid().ToString();
        // A patient who proved the address gets the manage token in the reply (a guest gets it by email only).
        var patient = TestPatients.TokenFor("pat@example.com");

        using var first = await PostBookingAsync(client, body, key, patient);
        using var retry = await PostBookingAsync(client, body, key, patient);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        var a = await first.Content.ReadFromJsonAsync<BookingCreated>(Json);
        var b = await retry.Content.ReadFromJsonAsync<BookingCreated>(Json);
        Assert.Equal(a!.Booking.Id, b!.Booking.Id);
        Assert.NotNull(a.ManageToken);
        Assert.Equal(a.ManageToken, b.ManageToken);
        await using var db = fixture.Service.OpenDb();
        Assert.Equal(1, await db.Bookings.CountAsync(x => x.PractitionerId == diary.PractitionerId));
    }

    [Fact]
    public async Task The_same_idempotency_key_with_a_different_body_is_refused()
    {
        var diary = await fixture.ArrangeDiaryAsync();
        using var client = fixture.Service.CreateClient();
        var start = await SlotAfterAsync(client, diary, Duration.FromDays(2));
        var key = Guid.NewGuid().ToString();
        using var first = await PostBookingAsync(client, Request(diary, start), key);

        using var other = await PostBookingAsync(client, Request(diary, start, "someone.else@example.com"), key);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Contains("Idempotency-Key", await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Confirming_a_booking_writes_BookingConfirmed_to_the_outbox_with_it()
    {
        var diary = await fixture.ArrangeDiaryAsync();
        using var client = fixture.Service.CreateClient();
        var created = await fixture.BookAsync(client, Request(diary, await SlotAfterAsync(client, diary, Duration.FromDays(2))));

        await using var db = fixture.Service.OpenDb();
        var payloads = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.MessageType.Contains(nameof(BookingConfirmed))).Select(m => m.Payload).ToListAsync();
        var confirmed = payloads.Select(p => JsonSerializer.Deserialize<BookingConfirmed>(p, Json)!).Single(e => e.BookingId == created.Booking.Id);
        Assert.Equal(diary.PractitionerId, confirmed.PractitionerId);
        Assert.Equal("clinic", confirmed.PaidBy);
        Assert.Equal(created.Booking.Start, confirmed.Start);
    }

    [Fact]
    public async Task Availability_leaves_out_a_booked_slot_and_its_buffer()
    {
        var diary = await fixture.ArrangeDiaryAsync(durationMinutes: 60, bufferAfterMinutes: 15);
        using var client = fixture.Service.CreateClient();
        var day = Today.PlusDays(3);
        var before = await SlotsAsync(client, diary, day, day);
        var start = before.Single(s => s.Start.Hour == 12 && s.Start.Minute == 0).Start;

        await fixture.BookAsync(client, Request(diary, start));
        var after = (await SlotsAsync(client, diary, day, day)).Select(s => s.Start).ToHashSet();

        // Footprints are [s, s+75m) (60 minutes plus a 15-minute buffer), so starts within 75 minutes either side clash.
        var blocked = before.Select(s => s.Start).Where(s => s > start.AddMinutes(-75) && s < start.AddMinutes(75)).ToList();
        Assert.NotEmpty(blocked);
        Assert.All(blocked, s => Assert.DoesNotContain(s, after));
        Assert.Contains(start.AddMinutes(75), after);
        Assert.Contains(start.AddMinutes(-75), after);
    }

    [Fact]
    public async Task A_booking_is_visible_only_with_its_manage_token()
    {
        var diary = await fixture.ArrangeDiaryAsync();
        using var client = fixture.Service.CreateClient();
        var created = await fixture.BookAsync(client, Request(diary, await SlotAfterAsync(client, diary, Duration.FromDays(2))));

        using var wrong = await client.GetAsync($"/api/booking/bookings/{created.Booking.Id}?token=not-the-token");
        using var missing = await client.GetAsync($"/api/booking/bookings/{created.Booking.Id}");
        using var unknown = await client.GetAsync($"/api/booking/bookings/{Guid.NewGuid()}?token={created.ManageToken}");
        var found = await client.GetFromJsonAsync<BookingDto>($"/api/booking/bookings/{created.Booking.Id}?token={created.ManageToken}", Json);

        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("confirmed", found!.Status);
        await using var db = fixture.Service.OpenDb();
        var stored = await db.Bookings.AsNoTracking().SingleAsync(b => b.Id == created.Booking.Id);
        Assert.Equal(SecretToken.HashOf(created.ManageToken!), stored.ManageTokenHash);
    }

    [Fact]
    public async Task Cancelling_in_time_keeps_the_row_and_frees_the_slot()
    {
        var diary = await fixture.ArrangeDiaryAsync();
        using var client = fixture.Service.CreateClient();
        var start = await SlotAfterAsync(client, diary, Duration.FromDays(3));
        var created = await fixture.BookAsync(client, Request(diary, start));

        using var cancel = await client.PostAsync($"/api/booking/bookings/{created.Booking.Id}/cancel?token={created.ManageToken}", null);

        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal("cancelled", (await cancel.Content.ReadFromJsonAsync<BookingDto>(Json))!.Status);
        await using var db = fixture.Service.OpenDb();
        var row = await db.Bookings.AsNoTracking().SingleAsync(b => b.Id == created.Booking.Id);
        Assert.Equal(BookingStatus.Cancelled, row.Status);
        Assert.Equal(1, row.Sequence);
        // The slot is bookable again by someone else.
        await fixture.BookAsync(client, Request(diary, start, "next@example.com"));
        using var again = await client.PostAsync($"/api/booking/bookings/{created.Booking.Id}/cancel?token={created.ManageToken}", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Cancelling_inside_the_free_cancellation_window_is_refused_naming_the_rule()
    {
        var diary = await fixture.ArrangeDiaryAsync();
        using var client = fixture.Service.CreateClient();
        var created = await fixture.BookAsync(client, Request(diary, await SlotAfterAsync(client, diary, Duration.FromHours(3))));

        using var cancel = await client.PostAsync($"/api/booking/bookings/{created.Booking.Id}/cancel?token={created.ManageToken}", null);

        Assert.Equal(HttpStatusCode.Conflict, cancel.StatusCode);
        var problem = await cancel.Content.ReadAsStringAsync();
        Assert.Contains("cancellation-window", problem, StringComparison.Ordinal);
        Assert.Contains("24 hours", problem, StringComparison.Ordinal);
        await using var db = fixture.Service.OpenDb();
        Assert.Equal(BookingStatus.Confirmed, (await db.Bookings.AsNoTracking().SingleAsync(b => b.Id == created.Booking.Id)).Status);
    }

    [Fact]
    public async Task Rescheduling_moves_the_booking_and_releases_the_old_slot()
    {
        var diary = await fixture.ArrangeDiaryAsync();
        using var client = fixture.Service.CreateClient();
        var start = await MorningSlotAsync(client, diary, 3);
        var created = await fixture.BookAsync(client, Request(diary, start));
        var newStart = start.AddHours(3);

        using var moved = await client.PostAsJsonAsync($"/api/booking/bookings/{created.Booking.Id}/reschedule?token={created.ManageToken}",
            new { start = newStart.ToString("O", System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var dto = await moved.Content.ReadFromJsonAsync<BookingDto>(Json);
        Assert.Equal(newStart, dto!.Start);
        Assert.Equal(1, dto.Sequence);
        await fixture.BookAsync(client, Request(diary, start, "takes.old.slot@example.com"));
    }

    [Fact]
    public async Task Rescheduling_onto_a_taken_slot_fails_and_leaves_the_booking_where_it_was()
    {
        var diary = await fixture.ArrangeDiaryAsync();
        using var client = fixture.Service.CreateClient();
        var start = await MorningSlotAsync(client, diary, 3);
        var mine = await fixture.BookAsync(client, Request(diary, start));
        var theirs = await fixture.BookAsync(client, Request(diary, start.AddHours(3), "other@example.com"));

        using var moved = await client.PostAsJsonAsync($"/api/booking/bookings/{mine.Booking.Id}/reschedule?token={mine.ManageToken}",
            new { start = theirs.Booking.Start.AddMinutes(30).ToString("O", System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(HttpStatusCode.Conflict, moved.StatusCode);
        var unchanged = await client.GetFromJsonAsync<BookingDto>($"/api/booking/bookings/{mine.Booking.Id}?token={mine.ManageToken}", Json);
        Assert.Equal(start, unchanged!.Start);
        Assert.Equal("confirmed", unchanged.Status);
        Assert.Equal(0, unchanged.Sequence);
    }
}
